package dev.pylon.api;

/** Where an error is in its life: raised and still active, or cleared (by its module, or by a restart). */
public enum ErrorState {
    Active, ClearedByModule, ClearedByReboot
}

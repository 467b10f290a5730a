package dev.pylon.api;

/** How bad an error is, as EVerest grades it. {@code High} errors make a charger shut down at once. */
public enum Severity {
    Low, Medium, High
}

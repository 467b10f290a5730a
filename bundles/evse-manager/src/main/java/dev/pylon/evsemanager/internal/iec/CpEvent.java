package dev.pylon.evsemanager.internal.iec;

/** What the IEC layer tells the session layer, derived from CP state changes and relay confirmations. */
public enum CpEvent {
    /** A to B (or A to C/D in simplified mode): an EV was plugged in. */
    CarPluggedIn,
    /** B to C/D: the EV closed S2 and wants power. */
    CarRequestedPower,
    /** C/D to B: the EV opened S2; the power is already off. */
    CarRequestedStopPower,
    /** Any state to A: the EV is gone. */
    CarUnplugged,
    /** The board confirms the contactors are closed. */
    PowerOn,
    /** The board confirms the contactors are open. */
    PowerOff,
    /** E or F back to B/C/D. */
    EFtoBCD,
    /** B/C/D to E or F. */
    BCDtoEF,
    /** B/C/D to E. */
    BCDtoE
}

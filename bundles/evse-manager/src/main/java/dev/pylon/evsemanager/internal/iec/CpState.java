package dev.pylon.evsemanager.internal.iec;

import dev.pylon.api.types.boardsupportcommon.BspEvent;

/** Control pilot states of IEC 61851-1 as the board measures them, plus {@link #UNKNOWN} (start-up, board lost). */
public enum CpState {
    /** Nothing measured yet, or the board reported {@code Disconnected}: treated as "no information", never as power. */
    UNKNOWN,
    /** +12 V: no EV. */
    A,
    /** +9 V: EV connected, not ready (S2 open). */
    B,
    /** +6 V: EV ready to charge. */
    C,
    /** +3 V: EV ready, needs ventilation. */
    D,
    /** 0 V: short circuit or no mains. */
    E,
    /** -12 V: EVSE not available. */
    F;

    /** An EV is connected and may be switched: B, C or D. */
    public boolean isBcd() {
        return this == B || this == C || this == D;
    }

    /** The EV asks for power: C or D. */
    public boolean isCd() {
        return this == C || this == D;
    }

    /** The CP state a board event names, or {@code null} when the event is not a CP state (PowerOn, PowerOff). */
    public static CpState of(BspEvent.Event event) {
        return switch (event) {
            case A -> A;
            case B -> B;
            case C -> C;
            case D -> D;
            case E -> E;
            case F -> F;
            case Disconnected -> UNKNOWN;
            case PowerOn, PowerOff -> null;
        };
    }
}

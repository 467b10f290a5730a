package dev.pylon.evsemanager.internal.iec;

import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import java.time.Instant;

/**
 * Everything the IEC layer remembers; immutable, the next state comes from {@link IecStateMachine#step}.
 *
 * @param cp              the last CP state the board reported
 * @param carPluggedIn    an EV is connected (set on plug-in, cleared in A)
 * @param pwm             what the EVSE drives on the CP
 * @param duty            the duty cycle in percent while {@code pwm} is {@link PwmMode#ON}, else 0
 * @param lastDutyChange  when the duty cycle last changed (for the 5 s rule); {@code null} before the first change
 * @param pendingDuty     a change that came too soon and waits for {@link dev.pylon.evsemanager.internal.action.TimerId#IEC_PWM_UPDATE}, or {@code null}
 * @param powerAllowed    the session layer allows power (cleared whenever the IEC layer switches power off)
 * @param reason          the reason sent with the next power on
 * @param powerOn         what the EVSE last told the board: contactors may be closed
 * @param c1Running       the 6 s timer of sequence 10.2 runs
 * @param relayConfirmed  the board's last PowerOn/PowerOff confirmation
 * @param locked          the connector lock was last told to lock
 */
public record IecState(CpState cp, boolean carPluggedIn, PwmMode pwm, double duty, Instant lastDutyChange,
        Double pendingDuty, boolean powerAllowed, PowerOnOff.Reason reason, boolean powerOn, boolean c1Running,
        boolean relayConfirmed, boolean locked) {

    /** The state at start-up: nothing known, nothing allowed. */
    public static IecState initial() {
        return new IecState(CpState.UNKNOWN, false, PwmMode.UNKNOWN, 0.0, null, null, false,
                PowerOnOff.Reason.PowerOff, false, false, false, false);
    }

    /** The PWM runs (X2). */
    public boolean pwmRunning() {
        return pwm == PwmMode.ON;
    }
}

package dev.pylon.boardsupport.sim.internal.sim;

import dev.pylon.api.errors.AcRcdErrors;
import dev.pylon.api.errors.EvseBoardSupportErrors;
import dev.pylon.api.evboardsupport.EvBoardSupportPublisher;
import dev.pylon.api.evseboardsupport.EvseBoardSupportPublisher;
import dev.pylon.api.powermeter.PowermeterPublisher;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.boardsupportcommon.BspMeasurement;
import dev.pylon.api.types.boardsupportcommon.ProximityPilot;
import dev.pylon.api.types.evboardsupport.EvCpState;
import dev.pylon.api.types.evseboardsupport.HardwareCapabilities;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.evseboardsupport.Telemetry;
import dev.pylon.boardsupport.sim.SimulatorControl;
import dev.pylon.boardsupport.sim.internal.sim.ControlPilot.Car;
import dev.pylon.boardsupport.sim.internal.sim.ControlPilot.Drive;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.Timers;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulated power path: the charger's side (what EvseManager commands through evse_board_support), the car's side
 * (what an EV simulator commands through ev_board_support), the relays between them and a meter.
 * <p>
 * Not thread-safe by design: every method runs on one serial context, the {@link Timers} thread (the module shell
 * hands each cmd over to it). Inputs take effect at once (the CP state is re-derived, relays open at once when power
 * is no longer allowed); relays close only on the 250 ms tick, which stands for their switching time; the meter var,
 * telemetry and the car's PWM measurement go out once a second.
 */
public final class YetiSimulation {
    /** The simulation step. */
    public static final Duration TICK = Duration.ofMillis(250);
    /** A residual current from this many mA up trips the simulated RCD (the DC threshold of an RDC-DD, 6 mA). */
    public static final double RCD_TRIP_MA = 6.0;
    private static final int TICKS_PER_REPORT = 4;

    /** Where the simulation's vars and errors go: the publishers and error reporters of the provided implementations. */
    public record Outputs(EvseBoardSupportPublisher board, EvBoardSupportPublisher ev, PowermeterPublisher meter,
            ErrorReporter boardErrors, ErrorReporter lockErrors) {
    }

    private final YetiConfig config;
    private final Timers timers;
    private final Outputs out;
    private final EnergyMeter meter;
    private Timers.Timer tickTimer;
    private long ticks;

    // the charger side
    private boolean boardEnabled = true;
    private Drive drive = Drive.X1;
    private double pwmDuty = 100;
    private boolean powerAllowed;
    private int boardPhases;
    private double overcurrentLimitA = Double.NaN;
    // the car side
    private boolean carSideEnabled;
    private Car car = Car.UNPLUGGED;
    private boolean diodeFail;
    private double rcdMilliAmps;
    private double carMaxCurrentA;
    private boolean carThreePhases = true;
    // derived state
    private BspEvent.Event cp;
    private boolean plugged;
    private boolean relaysClosed;
    private boolean diodeFaultRaised;
    private boolean rcdTripped;
    private double reportedDuty = Double.NaN;
    private boolean locked;
    private volatile SimulatorControl.Status status;

    public YetiSimulation(YetiConfig config, Timers timers, Outputs out) {
        this.config = config;
        this.timers = timers;
        this.out = out;
        this.meter = new EnergyMeter("yeti-sim-" + config.connectorId(), config.acNominalVoltage(), timers.now());
        this.boardPhases = config.maxPhaseCount();
        this.carMaxCurrentA = config.maxCurrentA();
        refreshStatus();
    }

    /** Publishes the capabilities and the initial state, then starts the 250 ms tick. */
    public void start() {
        out.board().publishCapabilities(capabilities());
        out.board().publishAcNrOfPhasesAvailable(boardPhases);
        out.board().publishAcPpAmpacity(new ProximityPilot(ProximityPilot.Ampacity.None));
        update(false);
        report(timers.now());
        tickTimer = timers.every(TICK, () -> update(true));
    }

    /** Stops the tick; nothing is published afterwards unless an input arrives. */
    public void stop() {
        if (tickTimer != null) {
            tickTimer.cancel();
            tickTimer = null;
        }
    }

    // ---- evse_board_support ---------------------------------------------------------------------------------------

    public void enable(boolean value) {
        boardEnabled = value;
        update(false);
    }

    /** Starts the PWM; 100 % and above is a steady +12 V (X1), 0 % and below a steady -12 V (F). */
    public void pwmOn(double dutyCyclePercent) {
        if (ControlPilot.isPwm(dutyCyclePercent)) {
            drive = Drive.PWM;
            pwmDuty = dutyCyclePercent;
        } else {
            drive = dutyCyclePercent >= 100 ? Drive.X1 : Drive.F;
        }
        update(false);
    }

    public void cpStateX1() {
        drive = Drive.X1;
        update(false);
    }

    public void cpStateF() {
        drive = Drive.F;
        update(false);
    }

    public void cpStateE() {
        drive = Drive.E;
        update(false);
    }

    public void allowPowerOn(PowerOnOff value) {
        powerAllowed = value.allowPowerOn();
        update(false);
    }

    public void acSwitchThreePhasesWhileCharging(boolean threePhases) {
        int phases = threePhases ? config.maxPhaseCount() : 1;
        if (phases != boardPhases) {
            boardPhases = phases;
            out.board().publishAcNrOfPhasesAvailable(phases);
        }
        update(false);
    }

    /** Remembered only: the simulated car never draws more than the PWM offers, so the trip never fires. */
    public void acSetOvercurrentLimitA(double amps) {
        overcurrentLimitA = amps;
    }

    // ---- ev_board_support -----------------------------------------------------------------------------------------

    /** Switches the car side on or off; while off the car counts as unplugged. */
    public void carEnable(boolean value) {
        carSideEnabled = value;
        update(false);
    }

    public void carSetCpState(EvCpState state) {
        car = Car.of(state);
        update(false);
    }

    /** Accepted and ignored: in AC charging the car's own contactor does not change what the charger sees. */
    public void carAllowPowerOn(boolean value) {
        // nothing to simulate
    }

    public void carDiodeFail(boolean value) {
        diodeFail = value;
        update(false);
    }

    public void carSetAcMaxCurrent(double amps) {
        carMaxCurrentA = Math.max(0, amps);
        update(false);
    }

    public void carSetThreePhases(boolean threePhases) {
        carThreePhases = threePhases;
        update(false);
    }

    public void carSetRcdError(double milliAmps) {
        rcdMilliAmps = Math.max(0, milliAmps);
        update(false);
    }

    // ---- powermeter and connector_lock ----------------------------------------------------------------------------

    /** A transaction began or ended: publishes the reading at that moment, so the boundary has its meter value. */
    public void transactionBoundary() {
        out.meter().publishPowermeter(meter.reading(timers.now()));
    }

    public void lock() {
        locked = true;
        refreshStatus();
    }

    public void unlock() {
        locked = false;
        refreshStatus();
    }

    // ---- error injection ------------------------------------------------------------------------------------------

    public void raiseError(SimErrors.Injectable error, String message) {
        reporter(error).raise(error.type(), "", message, SimErrors.severity(error.type()));
    }

    public void clearError(SimErrors.Injectable error) {
        reporter(error).clear(error.type(), "");
    }

    // ---- observation ----------------------------------------------------------------------------------------------

    /** The state after the last step; safe to read from any thread. */
    public SimulatorControl.Status status() {
        return status;
    }

    /** Energy imported since start or the last reset, in Wh, exact to the current instant. */
    public double energyWh() {
        return meter.totalWh(timers.now());
    }

    // ---- the step -------------------------------------------------------------------------------------------------

    private void update(boolean onTick) {
        Instant now = timers.now();
        Car effectiveCar = carSideEnabled ? car : Car.UNPLUGGED;
        boolean carPresent = effectiveCar != Car.UNPLUGGED;
        if (carPresent && !plugged) {
            plugged = true;
            if (config.resetPowermeterOnSessionStart()) {
                meter.reset(now);
            }
            out.board().publishAcPpAmpacity(new ProximityPilot(ProximityPilot.Ampacity.A_32));
        }
        BspEvent.Event measured = ControlPilot.measured(boardEnabled, drive, effectiveCar);
        if (measured != cp) {
            cp = measured;
            out.board().publishEvent(new BspEvent(measured));
            out.ev().publishBspEvent(new BspEvent(ControlPilot.seenByCar(measured, effectiveCar)));
        }
        updateFaults(carPresent);
        switchRelays(onTick);
        drawCurrent(now);
        if (!carPresent && plugged) {
            plugged = false;
            out.board().publishAcPpAmpacity(new ProximityPilot(ProximityPilot.Ampacity.None));
        }
        double duty = ControlPilot.measuredDuty(boardEnabled, drive, pwmDuty);
        boolean reportNow = onTick && ++ticks % TICKS_PER_REPORT == 0;
        if (duty != reportedDuty || reportNow) {
            reportedDuty = duty;
            out.ev().publishBspMeasurement(new BspMeasurement(
                    new ProximityPilot(carPresent ? ProximityPilot.Ampacity.A_32 : ProximityPilot.Ampacity.None),
                    rcdMilliAmps, duty));
        }
        if (reportNow) {
            report(now);
        }
        refreshStatus();
    }

    /** Relays may be closed only with permission, a running PWM, the car in C or D, and the RCD not tripped. */
    private void switchRelays(boolean onTick) {
        boolean permitted = powerAllowed && boardEnabled && drive == Drive.PWM && ControlPilot.isPwm(pwmDuty)
                && ControlPilot.requestsPower(cp) && !rcdTripped;
        if (relaysClosed && !permitted) {
            relaysClosed = false;
            out.board().publishEvent(new BspEvent(BspEvent.Event.PowerOff));
            out.ev().publishBspEvent(new BspEvent(BspEvent.Event.PowerOff));
        } else if (!relaysClosed && permitted && onTick) {
            relaysClosed = true;
            out.board().publishEvent(new BspEvent(BspEvent.Event.PowerOn));
            out.ev().publishBspEvent(new BspEvent(BspEvent.Event.PowerOn));
        }
    }

    /** The car draws what the PWM offers, capped by its own maximum, on one or three phases. */
    private void drawCurrent(Instant now) {
        double amps = relaysClosed ? Math.min(ControlPilot.ampsFromDuty(pwmDuty), carMaxCurrentA) : 0;
        boolean three = carThreePhases && boardPhases == 3;
        meter.setCurrents(now, amps, three ? amps : 0, three ? amps : 0);
    }

    /** Faults the car side causes: a shorted CP diode, and a residual current that trips the RCD. */
    private void updateFaults(boolean carPresent) {
        boolean diodeFault = diodeFail && carPresent;
        if (diodeFault != diodeFaultRaised) {
            diodeFaultRaised = diodeFault;
            if (diodeFault) {
                out.boardErrors().raise(EvseBoardSupportErrors.DIODE_FAULT, "",
                        "the car's Control Pilot diode is shorted: no negative PWM level", SimErrors.severity(
                                EvseBoardSupportErrors.DIODE_FAULT));
            } else {
                out.boardErrors().clear(EvseBoardSupportErrors.DIODE_FAULT, "");
            }
        }
        boolean tripped = carPresent && rcdMilliAmps >= RCD_TRIP_MA;
        if (tripped != rcdTripped) {
            rcdTripped = tripped;
            if (tripped) {
                String message = "residual DC current of " + rcdMilliAmps + " mA tripped the RCD";
                out.boardErrors().raise(AcRcdErrors.DC, "", message, SimErrors.severity(AcRcdErrors.DC));
                out.boardErrors().raise(AcRcdErrors.MREC2_GROUND_FAILURE, "", message,
                        SimErrors.severity(AcRcdErrors.MREC2_GROUND_FAILURE));
            } else {
                out.boardErrors().clear(AcRcdErrors.DC, "");
                out.boardErrors().clear(AcRcdErrors.MREC2_GROUND_FAILURE, "");
            }
        }
    }

    private void report(Instant now) {
        out.meter().publishPowermeter(meter.reading(now));
        out.board().publishTelemetry(Telemetry.builder().evseTemperatureC(25.0).fanRpm(0.0)
                .supplyVoltage12V(12.0).supplyVoltageMinus12V(-12.0).relaisOn(relaysClosed).build());
    }

    private HardwareCapabilities capabilities() {
        return HardwareCapabilities.builder()
                .maxCurrentAImport(config.maxCurrentA()).minCurrentAImport(config.minCurrentA())
                .maxPhaseCountImport(config.maxPhaseCount()).minPhaseCountImport(1)
                .maxCurrentAExport(0).minCurrentAExport(0).maxPhaseCountExport(config.maxPhaseCount())
                .minPhaseCountExport(1)
                .supportsChangingPhasesDuringCharging(config.maxPhaseCount() == 3).supportsCpStateE(true)
                .connectorType(HardwareCapabilities.ConnectorType.IEC62196Type2Socket)
                .build();
    }

    private ErrorReporter reporter(SimErrors.Injectable error) {
        return SimErrors.CONNECTOR_LOCK.equals(error.implId()) ? out.lockErrors() : out.boardErrors();
    }

    private void refreshStatus() {
        status = new SimulatorControl.Status(cp == null ? "A" : cp.wire(), relaysClosed,
                ControlPilot.measuredDuty(boardEnabled, drive, pwmDuty), meter.amps(1), meter.amps(2), meter.amps(3),
                meter.powerW(), meter.totalWh(timers.now()), locked, overcurrentLimitA);
    }
}

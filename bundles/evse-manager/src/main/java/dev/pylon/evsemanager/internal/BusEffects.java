package dev.pylon.evsemanager.internal;

import dev.pylon.api.CmdException;
import dev.pylon.api.Severity;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.connectorlock.ConnectorLock;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.iso15118charger.ISO15118Charger;
import dev.pylon.api.powermeter.Powermeter;
import dev.pylon.api.types.authorization.AuthorizationStatus;
import dev.pylon.api.types.authorization.CertificateStatus;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.session.Outbox;
import dev.pylon.evsemanager.internal.shell.Effects;
import dev.pylon.runtime.ErrorReporter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Applies the logic's actions to the real board, the optional providers and the bus. A board cmd that finds no board
 * provider (modules start in no fixed order; a provider is being replaced) is not an error of the logic: it is logged
 * once as a warning and {@link #boardMissed()} is set, so that the component has the whole state sent again as soon as
 * the board shows signs of life.
 */
final class BusEffects implements Effects {
    private final String moduleId;
    private final System.Logger log;
    private final EvseBoardSupport bsp;
    private final Supplier<Powermeter> powermeter;
    private final Supplier<ISO15118Charger> hlc;
    private final Supplier<ConnectorLock> lock;
    private final VarPublisher evseVars;
    private final VarPublisher energyVars;
    private final ErrorReporter errors;
    private final AtomicBoolean boardMissed = new AtomicBoolean();

    BusEffects(String moduleId, EvseBoardSupport bsp, Supplier<Powermeter> powermeter, Supplier<ISO15118Charger> hlc,
            Supplier<ConnectorLock> lock, VarPublisher evseVars, VarPublisher energyVars, ErrorReporter errors) {
        this.moduleId = moduleId;
        this.log = System.getLogger("dev.pylon.evsemanager." + moduleId);
        this.bsp = bsp;
        this.powermeter = powermeter;
        this.hlc = hlc;
        this.lock = lock;
        this.evseVars = evseVars;
        this.energyVars = energyVars;
        this.errors = errors;
    }

    /** Set when a board cmd found no board; the component clears it and has the state sent again. */
    AtomicBoolean boardMissed() {
        return boardMissed;
    }

    @Override
    public void pwmOn(double percent) {
        board("pwm_on", () -> bsp.pwmOn(percent));
    }

    @Override
    public void cpX1() {
        board("cp_state_X1", bsp::cpStateX1);
    }

    @Override
    public void cpF() {
        board("cp_state_F", bsp::cpStateF);
    }

    @Override
    public void allowPowerOn(boolean on, PowerOnOff.Reason reason) {
        board("allow_power_on", () -> bsp.allowPowerOn(new PowerOnOff(on, reason)));
    }

    @Override
    public void enableBoard(boolean enable) {
        board("enable", () -> bsp.enable(enable));
    }

    @Override
    public void overcurrentLimit(double ampere) {
        board("ac_set_overcurrent_limit_A", () -> bsp.acSetOvercurrentLimitA(ampere));
    }

    private void board(String cmd, Runnable call) {
        try {
            call.run();
        } catch (CmdException e) {
            if (e.kind() != CmdException.Kind.NotReady && e.kind() != CmdException.Kind.Shutdown) {
                throw e;
            }
            if (!boardMissed.getAndSet(true)) {
                log.log(System.Logger.Level.WARNING, moduleId + ": the board is not there (" + cmd + ": "
                        + e.kind() + "); its state is sent again when it reports");
            }
        }
    }

    @Override
    public void lock() {
        ConnectorLock l = lock.get();
        if (l != null) {
            l.lock();
        }
    }

    @Override
    public void unlock() {
        ConnectorLock l = lock.get();
        if (l != null) {
            l.unlock();
        }
    }

    @Override
    public void publish(String impl, String var, Object value) {
        (Outbox.ENERGY_GRID.equals(impl) ? energyVars : evseVars).publish(var, value);
    }

    @Override
    public void raiseError(String type, String message, Severity severity) {
        errors.raise(type, "", message, severity);
    }

    @Override
    public void clearError(String type) {
        errors.clear(type, "");
    }

    @Override
    public TransactionStartResponse startTransaction(TransactionReq request) {
        Powermeter meter = powermeter.get();
        if (meter == null) {
            return new TransactionStartResponse(TransactionRequestStatus.UNEXPECTED_ERROR, "no power meter", null, null);
        }
        return meter.startTransaction(request);
    }

    @Override
    public TransactionStopResponse stopTransaction(String transactionId) {
        Powermeter meter = powermeter.get();
        if (meter == null) {
            return null;
        }
        return meter.stopTransaction(transactionId);
    }

    @Override
    public void hlc(Action.HlcCall call) {
        ISO15118Charger charger = hlc.get();
        if (charger == null) {
            return;
        }
        if (call instanceof Action.HlcCall.AuthorizationAccepted) {
            charger.authorizationResponse(AuthorizationStatus.Accepted, CertificateStatus.Accepted);
        } else if (call instanceof Action.HlcCall.ContactorClosed c) {
            charger.acContactorClosed(c.closed());
        } else if (call instanceof Action.HlcCall.MaxCurrent m) {
            charger.updateAcMaxCurrent(m.ampere());
        } else if (call instanceof Action.HlcCall.StopCharging) {
            charger.stopCharging(true);
        }
    }

    @Override
    public void log(System.Logger.Level level, String message) {
        log.log(level, moduleId + ": " + message);
    }
}

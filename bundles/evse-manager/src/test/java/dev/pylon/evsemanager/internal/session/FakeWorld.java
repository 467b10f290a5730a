package dev.pylon.evsemanager.internal.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylon.api.Severity;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.powermeter.TransactionReq;
import dev.pylon.api.types.powermeter.TransactionRequestStatus;
import dev.pylon.api.types.powermeter.TransactionStartResponse;
import dev.pylon.api.types.powermeter.TransactionStopResponse;
import dev.pylon.api.types.unitssigned.SignedMeterValue;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.SchemaValidator;
import dev.pylon.evsemanager.internal.action.Action;
import dev.pylon.evsemanager.internal.shell.Effects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A fake board, power meter, lock, ISO 15118 charger and bus: records every call with its simulated time, keeps what
 * the board is told (relay, PWM), and checks every published var against the contract.
 */
final class FakeWorld implements Effects {
    private static final SchemaValidator CONTRACT =
            new SchemaValidator(ContractLoader.load(ContractSources.fromClassLoader(FakeWorld.class.getClassLoader())));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call on the outside world. */
    record Call(Instant at, String what, Object argument) {
    }

    private final Supplier<Instant> clock;
    private final Map<String, JsonNode> validated = new java.util.HashMap<>();
    final List<Call> calls = new ArrayList<>();
    final List<SessionEvent> sessionEvents = new ArrayList<>();
    final Map<String, Object> lastVar = new LinkedHashMap<>();
    final Map<String, Integer> varCount = new LinkedHashMap<>();
    final Set<String> activeErrors = new LinkedHashSet<>();
    final List<String> errorLog = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final List<Action.HlcCall> hlcCalls = new ArrayList<>();

    /** Check every published var against the contract (off in the long random runs, for speed). */
    boolean validate = true;
    boolean relay;
    /** The duty cycle the board runs, or null for X1/F. */
    Double pwm;
    boolean stateF;
    Instant pwmStoppedAt;
    boolean locked;
    TransactionRequestStatus meterStartStatus = TransactionRequestStatus.OK;
    /** Runs when the board is told to switch power (lets a test or the random EV react like hardware). */
    Runnable onRelayChange = () -> {
    };

    FakeWorld(Supplier<Instant> clock) {
        this.clock = clock;
    }

    private void record(String what, Object argument) {
        calls.add(new Call(clock.get(), what, argument));
    }

    @Override
    public void pwmOn(double percent) {
        record("pwm_on", percent);
        pwm = percent;
        stateF = false;
    }

    @Override
    public void cpX1() {
        record("cp_state_X1", null);
        stopPwm();
        stateF = false;
    }

    @Override
    public void cpF() {
        record("cp_state_F", null);
        stopPwm();
        stateF = true;
    }

    private void stopPwm() {
        if (pwm != null) {
            pwmStoppedAt = clock.get();
        }
        pwm = null;
    }

    @Override
    public void allowPowerOn(boolean on, PowerOnOff.Reason reason) {
        record("allow_power_on", on);
        boolean changed = relay != on;
        relay = on;
        if (changed) {
            onRelayChange.run();
        }
    }

    @Override
    public void enableBoard(boolean enable) {
        record("enable", enable);
    }

    @Override
    public void overcurrentLimit(double ampere) {
        record("ac_set_overcurrent_limit_A", ampere);
    }

    @Override
    public void lock() {
        record("lock", null);
        locked = true;
    }

    @Override
    public void unlock() {
        record("unlock", null);
        locked = false;
    }

    @Override
    public void publish(String impl, String var, Object value) {
        String iface = Outbox.ENERGY_GRID.equals(impl) ? "energy" : "evse_manager";
        if (validate) {
            JsonNode json = JSON.valueToTree(value);
            // Values that differ only in their timestamps (the energy request every second) are checked once.
            JsonNode shape = withoutTimestamps(json);
            if (!shape.equals(validated.get(var))) {
                CONTRACT.validateVar(iface, var, json);
                validated.put(var, shape);
            }
        }
        record("publish " + var, value);
        lastVar.put(var, value);
        varCount.merge(var, 1, Integer::sum);
        if (value instanceof SessionEvent e) {
            sessionEvents.add(e);
        }
    }

    @Override
    public void raiseError(String type, String message, Severity severity) {
        record("raise", type);
        activeErrors.add(type);
        errorLog.add("raise " + type);
    }

    @Override
    public void clearError(String type) {
        record("clear", type);
        activeErrors.remove(type);
        errorLog.add("clear " + type);
    }

    @Override
    public TransactionStartResponse startTransaction(TransactionReq request) {
        record("start_transaction", request);
        return new TransactionStartResponse(meterStartStatus, null, null, null);
    }

    @Override
    public TransactionStopResponse stopTransaction(String transactionId) {
        record("stop_transaction", transactionId);
        return TransactionStopResponse.builder()
                .status(TransactionRequestStatus.OK)
                .startSignedMeterValue(new SignedMeterValue("start-" + transactionId, "ECDSA", "OCMF", null, null))
                .signedMeterValue(new SignedMeterValue("stop-" + transactionId, "ECDSA", "OCMF", null, null))
                .build();
    }

    @Override
    public void hlc(Action.HlcCall call) {
        record("hlc", call);
        hlcCalls.add(call);
    }

    @Override
    public void log(System.Logger.Level level, String message) {
        log.add(level + " " + message);
    }

    /** The session events published so far, by name. */
    List<SessionEventEnum> events() {
        return sessionEvents.stream().map(SessionEvent::event).toList();
    }

    /** The calls named {@code what}. */
    List<Call> calls(String what) {
        return calls.stream().filter(c -> c.what().equals(what)).toList();
    }

    /** Logged errors: the logic failed or did not settle. */
    List<String> logicErrors() {
        return log.stream().filter(l -> l.startsWith("ERROR")).toList();
    }

    private static JsonNode withoutTimestamps(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("timestamp");
        }
        node.forEach(FakeWorld::strip);
    }

    void validateResult(String cmd, Object value) {
        CONTRACT.validateResult("evse_manager", cmd, JSON.valueToTree(value));
    }
}

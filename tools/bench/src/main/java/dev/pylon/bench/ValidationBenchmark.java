package dev.pylon.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylon.api.types.authorization.AuthorizationType;
import dev.pylon.api.types.authorization.IdToken;
import dev.pylon.api.types.authorization.IdTokenType;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.evsemanager.SessionEventEnum;
import dev.pylon.api.types.evsemanager.TransactionStarted;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.api.types.units.Current;
import dev.pylon.api.types.units.Energy;
import dev.pylon.api.types.units.Frequency;
import dev.pylon.api.types.units.Power;
import dev.pylon.api.types.units.Voltage;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.SchemaValidator;
import dev.pylon.contract.SchemaViolation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What run-time schema validation in the contract bundle costs per value, for two vars that the bus carries often:
 * {@code evse_manager.session_event} (a TransactionStarted event with its payload) and {@code powermeter.powermeter}
 * (a three-phase AC reading). Validation of a ready JsonNode, the record-to-JsonNode conversion a typed publish needs
 * ({@code ObjectMapper.valueToTree}), both together, and the error path (a session_event with a bad enum value).
 *
 * <p>The validator is built once per fork with every schema compiled ({@link SchemaValidator#compileAll()}), as the
 * bus does at start-up; setup checks that the valid samples pass and the invalid one fails, so each figure measures
 * the path its name says. Run with {@code tools/bench/run-validation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationBenchmark {
    private static final String EVSE_MANAGER = "evse_manager";
    private static final String SESSION_EVENT = "session_event";
    private static final String POWERMETER = "powermeter";

    /** A TransactionStarted session_event as an EVSE manager publishes it after an RFID authorization. */
    static final String SESSION_EVENT_JSON = """
            {
              "uuid": "3f6b2c1e-8d4a-4e9b-9a57-2c0d5e7f1a94",
              "timestamp": "2025-11-21T10:15:31.002Z",
              "connector_id": 1,
              "event": "TransactionStarted",
              "transaction_started": {
                "id_tag": {
                  "id_token": { "value": "04A1B2C3D4E5F6", "type": "ISO14443" },
                  "authorization_type": "RFID"
                },
                "meter_value": {
                  "timestamp": "2025-11-21T10:15:30.950Z",
                  "energy_Wh_import": { "total": 123456.7 }
                }
              }
            }
            """;

    /** A reading of a three-phase AC meter while charging at 11 kW. */
    static final String POWERMETER_JSON = """
            {
              "timestamp": "2025-11-21T10:15:30.250Z",
              "meter_id": "EM-0042",
              "energy_Wh_import": { "total": 123456.7, "L1": 41152.2, "L2": 41152.3, "L3": 41152.2 },
              "energy_Wh_export": { "total": 0.0 },
              "power_W": { "total": 11040.0, "L1": 3680.0, "L2": 3680.0, "L3": 3680.0 },
              "voltage_V": { "L1": 230.1, "L2": 229.8, "L3": 230.4 },
              "current_A": { "L1": 16.0, "L2": 16.0, "L3": 16.0, "N": 0.2 },
              "frequency_Hz": { "L1": 50.01, "L2": 50.01, "L3": 50.01 }
            }
            """;

    private final ObjectMapper mapper = new ObjectMapper();
    private SchemaValidator validator;

    private JsonNode sessionEventNode;
    private JsonNode powermeterNode;
    private JsonNode invalidSessionEventNode;
    private SessionEvent sessionEvent;
    private Powermeter powermeter;

    @Setup(Level.Trial)
    public void setUp() throws JsonProcessingException {
        validator = new SchemaValidator(ContractLoader.load(
                ContractSources.fromClassLoader(ValidationBenchmark.class.getClassLoader()))).compileAll();

        sessionEventNode = mapper.readTree(SESSION_EVENT_JSON);
        powermeterNode = mapper.readTree(POWERMETER_JSON);
        invalidSessionEventNode = sessionEventNode.deepCopy();
        ((ObjectNode) invalidSessionEventNode).put("event", "TransactionBegun");

        sessionEvent = sessionEventRecord();
        powermeter = powermeterRecord();

        // Each figure must measure the path its name says: the valid samples pass, the invalid one fails, and the
        // records convert to exactly the JSON samples.
        validator.validateVar(EVSE_MANAGER, SESSION_EVENT, sessionEventNode);
        validator.validateVar(POWERMETER, POWERMETER, powermeterNode);
        requireSame("session_event", sessionEventNode, mapper.valueToTree(sessionEvent));
        requireSame("powermeter", powermeterNode, mapper.valueToTree(powermeter));
        try {
            validator.validateVar(EVSE_MANAGER, SESSION_EVENT, invalidSessionEventNode);
            throw new IllegalStateException("the invalid session_event sample passed validation");
        } catch (SchemaViolation expected) {
            // the error path is what sessionEventInvalid measures
        }
    }

    private static void requireSame(String what, JsonNode sample, JsonNode converted) {
        if (!sample.equals(converted)) {
            throw new IllegalStateException("the " + what + " record converts to " + converted
                    + ", not to the JSON sample " + sample);
        }
    }

    private static SessionEvent sessionEventRecord() {
        return SessionEvent.builder()
                .uuid("3f6b2c1e-8d4a-4e9b-9a57-2c0d5e7f1a94")
                .timestamp("2025-11-21T10:15:31.002Z")
                .connectorId(1)
                .event(SessionEventEnum.TransactionStarted)
                .transactionStarted(TransactionStarted.builder()
                        .idTag(ProvidedIdToken.builder()
                                .idToken(IdToken.builder().value("04A1B2C3D4E5F6").type(IdTokenType.ISO14443).build())
                                .authorizationType(AuthorizationType.RFID)
                                .build())
                        .meterValue(Powermeter.builder()
                                .timestamp("2025-11-21T10:15:30.950Z")
                                .energyWhImport(Energy.builder().total(123456.7).build())
                                .build())
                        .build())
                .build();
    }

    private static Powermeter powermeterRecord() {
        return Powermeter.builder()
                .timestamp("2025-11-21T10:15:30.250Z")
                .meterId("EM-0042")
                .energyWhImport(Energy.builder().total(123456.7).l1(41152.2).l2(41152.3).l3(41152.2).build())
                .energyWhExport(Energy.builder().total(0.0).build())
                .powerW(Power.builder().total(11040.0).l1(3680.0).l2(3680.0).l3(3680.0).build())
                .voltageV(Voltage.builder().l1(230.1).l2(229.8).l3(230.4).build())
                .currentA(Current.builder().l1(16.0).l2(16.0).l3(16.0).n(0.2).build())
                .frequencyHz(Frequency.builder().l1(50.01).l2(50.01).l3(50.01).build())
                .build();
    }

    /** Validation of a ready JsonNode: what a var costs when it arrives as JSON. */
    @Benchmark
    public JsonNode sessionEventValidate() {
        validator.validateVar(EVSE_MANAGER, SESSION_EVENT, sessionEventNode);
        return sessionEventNode;
    }

    @Benchmark
    public JsonNode powermeterValidate() {
        validator.validateVar(POWERMETER, POWERMETER, powermeterNode);
        return powermeterNode;
    }

    /** The record-to-tree conversion alone. */
    @Benchmark
    public JsonNode sessionEventToTree() {
        return mapper.valueToTree(sessionEvent);
    }

    @Benchmark
    public JsonNode powermeterToTree() {
        return mapper.valueToTree(powermeter);
    }

    /** Conversion and validation: the full cost of a typed publish with validation on. */
    @Benchmark
    public JsonNode sessionEventToTreeAndValidate() {
        JsonNode node = mapper.valueToTree(sessionEvent);
        validator.validateVar(EVSE_MANAGER, SESSION_EVENT, node);
        return node;
    }

    @Benchmark
    public JsonNode powermeterToTreeAndValidate() {
        JsonNode node = mapper.valueToTree(powermeter);
        validator.validateVar(POWERMETER, POWERMETER, node);
        return node;
    }

    /** The error path: a session_event whose event is not in the enum, rejected with a {@link SchemaViolation}. */
    @Benchmark
    public SchemaViolation sessionEventInvalid() {
        try {
            validator.validateVar(EVSE_MANAGER, SESSION_EVENT, invalidSessionEventNode);
        } catch (SchemaViolation violation) {
            return violation;
        }
        throw new IllegalStateException("the invalid session_event sample passed validation");
    }
}

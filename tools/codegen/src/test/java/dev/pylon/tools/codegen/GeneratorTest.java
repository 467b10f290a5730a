package dev.pylon.tools.codegen;

import static dev.pylon.tools.codegen.GeneratedApi.FIXTURE;
import static dev.pylon.tools.codegen.GeneratedApi.compile;
import static dev.pylon.tools.codegen.GeneratedApi.generate;
import static dev.pylon.tools.codegen.GeneratedApi.javaFiles;
import static dev.pylon.tools.codegen.GeneratedApi.writeFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylon.contract.ContractException;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the API from a fixture contract (src/test/resources/fixture), compiles it together with the hand-written
 * {@code dev.pylon.api} classes of the interfaces module (the same set of sources that module compiles), loads it and
 * uses it the way the runtime does.
 */
class GeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path shared;
    private static Path sources;
    private static Path resources;
    private static int written;
    private static URLClassLoader loader;

    @BeforeAll
    static void generateAndCompile() throws IOException {
        writeFixture(shared);
        written = generate(shared);
        sources = shared.resolve("src");
        resources = shared.resolve("res");
        Path classes = compile(sources, Files.createDirectories(shared.resolve("classes")));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratorTest.class.getClassLoader());
    }

    @AfterAll
    static void closeLoader() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName("dev.pylon.api." + name, true, loader);
    }

    /** Calls a public method by name and arity, rethrowing what it throws. */
    private static Object call(Object target, String method, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length && !m.isBridge()) {
                try {
                    m.setAccessible(true);
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new AssertionError(target.getClass() + " has no method " + method + "/" + args.length);
    }

    @Test
    void writesEveryExpectedFile() throws IOException {
        List<String> expected = List.of(
                "dev/pylon/api/Interfaces.java",
                "dev/pylon/api/board/Board.java",
                "dev/pylon/api/board/BoardDescriptor.java",
                "dev/pylon/api/board/BoardListener.java",
                "dev/pylon/api/board/BoardPublisher.java",
                "dev/pylon/api/board/Status.java",
                "dev/pylon/api/board/package-info.java",
                "dev/pylon/api/errors/BoardErrors.java",
                "dev/pylon/api/errors/GenericErrors.java",
                "dev/pylon/api/errors/package-info.java",
                "dev/pylon/api/types/board/Mode.java",
                "dev/pylon/api/types/board/Obsolete.java",
                "dev/pylon/api/types/board/Setting.java",
                "dev/pylon/api/types/board/package-info.java",
                "dev/pylon/api/types/common/Limits.java",
                "dev/pylon/api/types/common/package-info.java");
        List<String> actual = javaFiles(sources).stream().map(p -> sources.relativize(p).toString().replace('\\', '/'))
                .toList();
        assertEquals(expected, actual);
        assertEquals(expected.size(), written);
        // Phases is an integer alias: it becomes int, not a class
        assertTrue(Files.readString(sources.resolve("dev/pylon/api/board/Board.java"))
                .contains("boolean setMode(dev.pylon.api.types.board.Setting setting, int phases);"));

        // in folder order, then by name, as ContractSources.fromDirectory found them
        assertEquals("interfaces/board.yaml\ntypes/board.yaml\ntypes/common.yaml\n"
                + "errors/board.yaml\nerrors/generic.yaml\n",
                Files.readString(resources.resolve(ContractSources.INDEX)));
        for (String file : FIXTURE) {
            assertEquals(Files.readString(shared.resolve("contract").resolve(file)),
                    Files.readString(resources.resolve(ContractSources.RESOURCE_ROOT + file)), file);
        }
        String md = Files.readString(shared.resolve("docs/interfaces.md"));
        assertTrue(md.contains("| [`board`](#board) | 5 | 4 | 3 | `dev.pylon.api.board` |"), md);
        assertTrue(md.contains("| `set_mode` | `setting`: `/board#/Setting`, `phases`: `/common#/Phases` | boolean |"),
                md);
        assertTrue(md.contains("| `board` | Mode, Setting, Obsolete |"), md);
    }

    @Test
    void packagedContractLoadsThroughTheIndex() throws IOException {
        try (URLClassLoader bundle = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            assertEquals(List.of("board/MREC2GroundFailure", "board/OverTemperature", "generic/VendorError"),
                    ContractLoader.load(ContractSources.fromClassLoader(bundle)).requireInterface("board").errors());
        }
    }

    @Test
    void recordsUseTheWireNamesBothWays() throws Exception {
        Class<?> setting = type("types.board.Setting");
        String json = "{\"mode\":\"ISO15118-2\",\"limits\":{\"max_current_A\":16.0,\"min_current_A\":6.0,"
                + "\"class\":\"B\",\"hashCode\":42},\"phases\":3,\"tags\":[\"a\",\"b\"]}";

        Object value = MAPPER.readValue(json, setting);

        Object limits = call(value, "limits");
        assertEquals(16.0, call(limits, "maxCurrentA"));
        assertEquals(6.0, call(limits, "minCurrentA"));
        assertEquals("B", call(limits, "class_"));
        assertEquals(42, call(limits, "hashCode_"));
        assertEquals(3, call(value, "phases"));
        assertEquals(List.of("a", "b"), call(value, "tags"));
        assertEquals("ISO15118_2", ((Enum<?>) call(value, "mode")).name());
        assertEquals(MAPPER.readTree(json), MAPPER.valueToTree(value));
        assertEquals(value, MAPPER.readValue(MAPPER.writeValueAsString(value), setting));
    }

    @Test
    void builderLeavesOptionalComponentsOutOfTheJson() throws Exception {
        Object builder = type("types.common.Limits").getMethod("builder").invoke(null);
        call(builder, "maxCurrentA", 32.0);
        call(builder, "class_", "A");
        Object limits = call(builder, "build");

        assertEquals(MAPPER.readTree("{\"max_current_A\":32.0,\"class\":\"A\"}"), MAPPER.valueToTree(limits));
        Object changed = call(call(call(limits, "toBuilder"), "minCurrentA", 6.0), "build");
        assertEquals(MAPPER.readTree("{\"max_current_A\":32.0,\"min_current_A\":6.0,\"class\":\"A\"}"),
                MAPPER.valueToTree(changed));
    }

    @Test
    void missingRequiredFieldsFail() throws Exception {
        Class<?> limits = type("types.common.Limits");
        Class<?> setting = type("types.board.Setting");

        JsonProcessingException primitive = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"min_current_A\":6.0}", limits));
        assertTrue(primitive.getMessage().contains("max_current_A"), primitive.getMessage());
        JsonProcessingException object = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"limits\":{\"max_current_A\":1.0}}", setting));
        assertTrue(object.getMessage().contains("mode"), object.getMessage());
        // and in Java, a required object component cannot be null either
        Object builder = setting.getMethod("builder").invoke(null);
        NullPointerException npe = assertThrows(NullPointerException.class, () -> call(builder, "build"));
        assertEquals("mode", npe.getMessage());
    }

    @Test
    void enumsUseTheWireValues() throws Exception {
        Class<?> mode = type("types.board.Mode");
        List<String> constants = Arrays.stream(mode.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        assertEquals(List.of("Idle", "ISO15118_2", "_3", "default_"), constants);

        for (Object constant : mode.getEnumConstants()) {
            String wire = (String) call(constant, "wire");
            assertEquals("\"" + wire + "\"", MAPPER.writeValueAsString(constant));
            assertSame(constant, MAPPER.readValue("\"" + wire + "\"", mode));
            assertSame(constant, mode.getMethod("fromWire", String.class).invoke(null, wire));
        }
        assertEquals(List.of("Idle", "ISO15118-2", "3", "default"),
                Arrays.stream(mode.getEnumConstants()).map(c -> MAPPER.valueToTree(c).asText()).toList());
        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("\"ISO15118_2\"", mode));
        InvocationTargetException bad = assertThrows(InvocationTargetException.class,
                () -> mode.getMethod("fromWire", String.class).invoke(null, "Charging"));
        assertTrue(bad.getCause().getMessage().contains("allowed: [Idle, ISO15118-2, 3, default]"),
                bad.getCause().getMessage());
        // inline enums of inline var types work the same
        Object status = MAPPER.readValue("{\"state\":\"off\"}", type("board.Status"));
        assertEquals("{\"state\":\"off\"}", MAPPER.writeValueAsString(status));
    }

    @Test
    void errorConstantsAreTheRuntimeErrorTypes() throws Exception {
        Class<?> errors = type("errors.BoardErrors");
        assertEquals("board/MREC2GroundFailure", errors.getField("MREC2_GROUND_FAILURE").get(null));
        assertEquals(List.of("board/MREC2GroundFailure", "board/OverTemperature"), errors.getField("ALL").get(null));
        assertEquals("generic/VendorError", type("errors.GenericErrors").getField("VENDOR_ERROR").get(null));
    }

    @Test
    void descriptorDescribesTheInterfaceAndIsRegistered() throws Exception {
        Object descriptor = type("board.BoardDescriptor").getField("INSTANCE").get(null);

        assertEquals("board", call(descriptor, "name"));
        assertEquals(List.of("set_mode", "enable", "reset", "get_limits", "get_tags"),
                List.copyOf(((Map<?, ?>) call(descriptor, "cmds")).keySet()));
        assertEquals(List.of("setting", "phases", "temperature_C", "status"),
                List.copyOf(((Map<?, ?>) call(descriptor, "vars")).keySet()));
        assertEquals(List.of("board/MREC2GroundFailure", "board/OverTemperature", "generic/VendorError"),
                call(descriptor, "errors"));
        Class<?> interfaces = type("Interfaces");
        assertSame(descriptor, interfaces.getMethod("get", String.class).invoke(null, "board"));
        Map<?, ?> types = (Map<?, ?>) interfaces.getMethod("types").invoke(null);
        assertSame(type("types.board.Setting"), types.get("/board#/Setting"));
        assertSame(type("types.board.Mode"), types.get("/board#/Mode"));
        assertFalse(types.containsKey("/common#/Phases"));
    }

    @Test
    void dispatchCallsTheRightMethodWithTheArguments() throws Exception {
        Class<?> board = type("board.Board");
        Object descriptor = type("board.BoardDescriptor").getField("INSTANCE").get(null);
        Object setting = MAPPER.readValue("{\"mode\":\"Idle\",\"limits\":{\"max_current_A\":10.0}}",
                type("types.board.Setting"));
        List<String> calls = new ArrayList<>();
        Object provider = Proxy.newProxyInstance(loader, new Class<?>[] {board}, (proxy, method, args) -> {
            calls.add(method.getName() + Arrays.toString(args == null ? new Object[0] : args));
            return method.getName().equals("setMode") ? Boolean.TRUE : null;
        });

        assertEquals(Boolean.TRUE, call(descriptor, "dispatch", provider, "set_mode", new Object[] {setting, 2}));
        assertNull(call(descriptor, "dispatch", provider, "enable", new Object[] {false}));
        assertNull(call(descriptor, "dispatch", provider, "reset", new Object[0]));
        assertEquals(List.of("setMode[" + setting + ", 2]", "enable[false]", "reset[]"),
                calls);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> call(descriptor, "dispatch", provider, "explode", new Object[0]));
        assertTrue(unknown.getMessage().contains("has no cmd 'explode'"), unknown.getMessage());
    }

    @Test
    void clientRoutesCallsToTheInvokerByCmdName() throws Exception {
        Object descriptor = type("board.BoardDescriptor").getField("INSTANCE").get(null);
        Object limits = MAPPER.readValue("{\"max_current_A\":63.0}", type("types.common.Limits"));
        List<String> cmds = new ArrayList<>();
        List<List<Object>> args = new ArrayList<>();
        Object invoker = Proxy.newProxyInstance(loader, new Class<?>[] {type("CmdInvoker")}, (proxy, method, a) -> {
            cmds.add((String) a[0]);
            args.add(Arrays.asList((Object[]) a[1]));
            return switch ((String) a[0]) {
                case "set_mode" -> Boolean.FALSE;
                case "get_limits" -> limits;
                case "get_tags" -> List.of("x");
                default -> null;
            };
        });
        Object client = call(descriptor, "client", invoker);
        Object setting = MAPPER.readValue("{\"mode\":\"3\",\"limits\":{\"max_current_A\":10.0}}",
                type("types.board.Setting"));

        assertEquals(Boolean.FALSE, call(client, "setMode", setting, 3));
        assertNull(call(client, "enable", true));
        assertSame(limits, call(client, "getLimits"));
        assertEquals(List.of("x"), call(client, "getTags"));
        assertEquals(List.of("set_mode", "enable", "get_limits", "get_tags"), cmds);
        assertEquals(List.of(List.of(setting, 3), List.of(true), List.of(), List.of()), args);
        assertTrue(type("board.Board").isInstance(client));
    }

    @Test
    void varsReachListenersAndPublishersByName() throws Exception {
        Object descriptor = type("board.BoardDescriptor").getField("INSTANCE").get(null);
        List<String> received = new ArrayList<>();
        Object listener = Proxy.newProxyInstance(loader, new Class<?>[] {type("board.BoardListener")},
                (proxy, method, a) -> {
                    received.add(method.getName() + "=" + a[0]);
                    return null;
                });
        call(descriptor, "deliver", listener, "temperature_C", 41.5);
        call(descriptor, "deliver", listener, "phases", 2);
        assertEquals(List.of("onTemperatureC=41.5", "onPhases=2"), received);

        List<String> published = new ArrayList<>();
        Object varPublisher = Proxy.newProxyInstance(loader, new Class<?>[] {type("VarPublisher")},
                (proxy, method, a) -> {
                    published.add(a[0] + "=" + a[1]);
                    return null;
                });
        Object publisher = type("board.BoardPublisher").getConstructor(type("VarPublisher")).newInstance(varPublisher);
        call(publisher, "publishPhases", 3);
        call(publisher, "publishTemperatureC", 20.0);
        assertEquals(List.of("phases=3", "temperature_C=20.0"), published);
    }

    @Test
    void removedTypeDisappearsAndUnchangedFilesAreNotRewritten(@TempDir Path project) throws IOException {
        Path contract = writeFixture(project);
        generate(project);
        Path obsolete = project.resolve("src/dev/pylon/api/types/board/Obsolete.java");
        Path setting = project.resolve("src/dev/pylon/api/types/board/Setting.java");
        assertTrue(Files.exists(obsolete));
        FileTime old = FileTime.fromMillis(946_684_800_000L);
        Files.setLastModifiedTime(setting, old);

        String types = Files.readString(contract.resolve("types/board.yaml"));
        Files.writeString(contract.resolve("types/board.yaml"), types.substring(0, types.indexOf("  Obsolete:")));
        generate(project);

        assertFalse(Files.exists(obsolete), "a type removed from the contract must not linger in the API");
        assertTrue(Files.exists(setting));
        assertEquals(old, Files.getLastModifiedTime(setting), "unchanged output must keep its timestamp");
        assertFalse(Files.readString(project.resolve("src/dev/pylon/api/Interfaces.java")).contains("Obsolete"));
    }

    @Test
    void brokenContractFailsNamingFileAndLineAndWritesNothing(@TempDir Path project) throws IOException {
        Path contract = writeFixture(project);
        Files.writeString(contract.resolve("types/common.yaml"),
                "description: Common types.\ntypes:\n  Phases: {type: integer\n  Limits:\n    type: object\n");

        ContractException e = assertThrows(ContractException.class, () -> generate(project));

        assertEquals(1, e.problems().size(), e::getMessage);
        assertEquals("contract/types/common.yaml", e.problems().get(0).file().replace('\\', '/'));
        assertEquals(4, e.problems().get(0).line(), e::getMessage);
        assertFalse(Files.exists(project.resolve("src")), "nothing may be generated from a broken contract");
    }

    @Test
    void emptyContractFolderIsAnError(@TempDir Path project) {
        IOException e = assertThrows(IOException.class, () -> generate(project));
        assertTrue(e.getMessage().contains("no contract files"), e.getMessage());
    }
}

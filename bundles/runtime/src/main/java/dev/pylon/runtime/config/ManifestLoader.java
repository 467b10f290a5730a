package dev.pylon.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.pylon.contract.Contract;
import dev.pylon.contract.yaml.YamlTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a module's {@code manifest.yaml} (EVerest format) and checks it against Pylon's manifest meta-schema
 * ({@code meta/manifest.schema.yaml}), and then what a schema cannot say:
 * <ul>
 * <li>a {@code default} must itself satisfy its entry (type, enum, range, pattern...);</li>
 * <li>{@code min_connections} must not exceed {@code max_connections} (both 1 when omitted);</li>
 * <li>a module provides each interface at most once, a limit of Pylon for now: a module instance is one DS component,
 * which registers each service interface once, so a second implementation of the same interface is rejected
 * (EVerest allows it);</li>
 * <li>a config key must not take a name the runtime uses for component properties (see
 * {@link ComponentProperties}): a module key not {@code pylon.*}, {@code service.*}, {@code component.*},
 * {@code objectClass}, {@code <impl>.*} or {@code <requirement>.*}; an implementation key not {@code target} or
 * {@code cardinality.minimum} when a requirement has the implementation's id;</li>
 * <li>with a contract: every interface named in {@code provides} and {@code requires} exists.</li>
 * </ul>
 * Every problem is reported at once, each with file, line and column.
 */
public final class ManifestLoader {
    /** Where a module bundle carries its manifest: {@code modules/<ModuleName>/manifest.yaml}. */
    public static final String BUNDLE_PATH_PATTERN = "modules/%s/manifest.yaml";
    /** What {@code mutability} is when a config entry leaves it out. */
    public static final String DEFAULT_MUTABILITY = "ReadOnly";

    private static final Schema META = ConfigValues.meta("manifest");
    private static final List<String> RESERVED_PREFIXES = List.of("pylon.", "service.", "component.");

    private ManifestLoader() {
    }

    /**
     * Reads and checks a manifest without looking at the contract (see
     * {@link #load(String, String, String, Contract)}; {@link ConfigLoader} checks the interfaces of the manifests a
     * config uses in any case).
     *
     * @param moduleName the module type (the folder name under {@code modules/})
     * @param source     how messages name the file
     * @throws ConfigException listing every problem with line numbers
     */
    public static Manifest load(String moduleName, String source, String yamlText) {
        return load(moduleName, source, yamlText, null);
    }

    /**
     * Reads and checks a manifest, including that every interface it provides or requires is in {@code contract}.
     *
     * @param contract the contract, or {@code null} to skip the interface check
     * @throws ConfigException listing every problem with line numbers
     */
    public static Manifest load(String moduleName, String source, String yamlText, Contract contract) {
        Document doc = Document.parse(source, yamlText, META);
        JsonNode root = doc.root();

        checkConfigSet(doc, moduleName, root.path("config"), "/config");
        Map<String, String> implByInterface = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> impl : fields(root.path("provides"))) {
            String at = YamlTree.child("/provides", impl.getKey());
            checkConfigSet(doc, moduleName + "/" + impl.getKey(), impl.getValue().path("config"),
                    YamlTree.child(at, "config"));
            JsonNode iface = impl.getValue().path("interface");
            if (!iface.isTextual() || doc.blocked(at + "/interface")) {
                continue;
            }
            String first = implByInterface.putIfAbsent(iface.textValue(), impl.getKey());
            if (first != null) {
                doc.problem(at + "/interface", "implementation '" + impl.getKey() + "' provides interface '"
                        + iface.textValue() + "', which implementation '" + first + "' already provides; Pylon "
                        + "supports each interface at most once per module for now (EVerest allows several)");
            }
            checkInterface(doc, contract, at + "/interface", iface.textValue());
        }
        for (Map.Entry<String, JsonNode> req : fields(root.path("requires"))) {
            String at = YamlTree.child("/requires", req.getKey());
            JsonNode iface = req.getValue().path("interface");
            if (iface.isTextual() && !doc.blocked(at + "/interface")) {
                checkInterface(doc, contract, at + "/interface", iface.textValue());
            }
            if (doc.touched(at)) {
                continue;
            }
            long min = req.getValue().path("min_connections").asLong(1);
            long max = req.getValue().path("max_connections").asLong(1);
            if (min > max) {
                boolean minGiven = req.getValue().has("min_connections");
                doc.problem(at + (minGiven ? "/min_connections" : "/max_connections"), "min_connections " + min
                        + " is greater than max_connections " + max
                        + (req.getValue().has("max_connections") ? ""
                        : " (the default when max_connections is omitted)")
                        + "; expected min_connections <= max_connections");
            }
        }
        checkReservedKeys(doc, root);
        doc.throwIfProblems();
        return manifest(moduleName, source, root);
    }

    private static void checkConfigSet(Document doc, String where, JsonNode set, String pointer) {
        for (Map.Entry<String, JsonNode> entry : fields(set)) {
            String at = YamlTree.child(pointer, entry.getKey());
            JsonNode defaultValue = entry.getValue().get("default");
            if (defaultValue == null || doc.touched(at)) {
                continue;
            }
            Schema schema = ConfigValues.compile(entry.getValue(), where + "/config/" + entry.getKey());
            for (String failure : ConfigValues.check(schema, defaultValue)) {
                doc.problem(at + "/default", "default " + ConfigValues.show(defaultValue) + " of config key '"
                        + entry.getKey() + "' does not satisfy its own entry: " + failure + "; expected "
                        + ConfigValues.expected(entry.getValue()));
            }
        }
    }

    private static void checkInterface(Document doc, Contract contract, String pointer, String name) {
        if (contract != null && contract.findInterface(name).isEmpty()) {
            doc.problem(pointer, "interface '" + name + "' is not in the contract; known interfaces: "
                    + contract.interfaces().keySet());
        }
    }

    private static void checkReservedKeys(Document doc, JsonNode root) {
        for (Map.Entry<String, JsonNode> entry : fields(root.path("config"))) {
            String key = entry.getKey();
            if (doc.blocked(YamlTree.child("/config", key))) {
                continue;
            }
            String clash = null;
            if (key.equals("objectClass") || RESERVED_PREFIXES.stream().anyMatch(key::startsWith)) {
                clash = "a name the runtime and OSGi reserve for component properties";
            }
            for (String impl : names(root.path("provides"))) {
                if (key.startsWith(impl + ".")) {
                    clash = "the prefix of implementation '" + impl + "' (its config keys become '" + impl
                            + ".<key>' component properties)";
                }
            }
            for (String req : names(root.path("requires"))) {
                if (key.startsWith(req + ".")) {
                    clash = "the prefix of requirement '" + req + "' (it becomes the component properties '" + req
                            + ".target' and '" + req + ".cardinality.minimum')";
                }
            }
            if (clash != null) {
                doc.problem(YamlTree.child("/config", key), "config key '" + key + "' uses " + clash
                        + "; expected a key without that prefix");
            }
        }
        // <impl>.<key> must not be the name of a requirement's target or cardinality property either.
        for (Map.Entry<String, JsonNode> impl : fields(root.path("provides"))) {
            if (!names(root.path("requires")).contains(impl.getKey())) {
                continue;
            }
            String at = YamlTree.child(YamlTree.child("/provides", impl.getKey()), "config");
            for (String key : names(impl.getValue().path("config"))) {
                String property = impl.getKey() + "." + key;
                if ((property.equals(impl.getKey() + ComponentProperties.TARGET_SUFFIX)
                        || property.equals(impl.getKey() + ComponentProperties.MINIMUM_SUFFIX))
                        && !doc.blocked(YamlTree.child(at, key))) {
                    doc.problem(YamlTree.child(at, key), "config key '" + key + "' of implementation '"
                            + impl.getKey() + "' would become component property '" + property
                            + "', which belongs to requirement '" + impl.getKey() + "'; expected another key name");
                }
            }
        }
    }

    private static Manifest manifest(String moduleName, String source, JsonNode root) {
        Map<String, ProvidedImpl> provides = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> impl : fields(root.path("provides"))) {
            JsonNode node = impl.getValue();
            provides.put(impl.getKey(), new ProvidedImpl(impl.getKey(), node.path("interface").textValue(),
                    node.path("description").textValue(), configSet(node.path("config"))));
        }
        Map<String, Requirement> requires = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> req : fields(root.path("requires"))) {
            JsonNode node = req.getValue();
            requires.put(req.getKey(), new Requirement(req.getKey(), node.path("interface").textValue(),
                    clamp(node.path("min_connections").asLong(1)), clamp(node.path("max_connections").asLong(1))));
        }
        return new Manifest(moduleName, source, root.path("description").textValue(), configSet(root.path("config")),
                provides, requires, root.path("enable_global_errors").asBoolean(false));
    }

    private static Map<String, ConfigEntry> configSet(JsonNode set) {
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields(set)) {
            JsonNode node = e.getValue();
            entries.put(e.getKey(), new ConfigEntry(e.getKey(), node.path("type").textValue(),
                    node.path("description").textValue(), node.deepCopy(), node.has("default") ? node.get("default")
                    : null, node.path("mutability").asText(DEFAULT_MUTABILITY)));
        }
        return entries;
    }

    /** EVerest writes "many" as a large number; anything above int range means the same. */
    private static int clamp(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** The members of an object in file order; nothing for any other node. */
    static Set<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node != null && node.isObject() ? node.properties() : Set.of();
    }

    static List<String> names(JsonNode node) {
        return fields(node).stream().map(Map.Entry::getKey).toList();
    }
}

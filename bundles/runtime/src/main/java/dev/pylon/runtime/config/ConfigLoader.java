package dev.pylon.runtime.config;

import static dev.pylon.runtime.config.ManifestLoader.fields;
import static dev.pylon.runtime.config.ManifestLoader.names;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.pylon.api.ImplementationId;
import dev.pylon.contract.Contract;
import dev.pylon.contract.yaml.YamlTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a runtime config (EVerest format) and checks all of it before anything starts: module types, config keys
 * (unknown, missing mandatory, wrong type or range), connections (missing module or implementation, wrong interface,
 * too few or too many). Every problem is reported at once with file and line.
 *
 * <p>The shape of the file is checked against Pylon's config meta-schema ({@code meta/config.schema.yaml}); EVerest
 * keys Pylon does not use yet ({@code telemetry}, {@code mapping}, {@code standalone}, {@code capabilities},
 * {@code access}, {@code x-module-layout}) are accepted and ignored. Where Pylon is stricter than EVerest:
 * <ul>
 * <li>an unknown config key is an error (EVerest logs it and goes on);</li>
 * <li>{@code settings.validate_schema} is on when omitted (EVerest's default is off);</li>
 * <li>a requirement may list the same implementation only once;</li>
 * <li>the interfaces of every manifest the config uses must be in the contract.</li>
 * </ul>
 */
public final class ConfigLoader {
    /** {@code settings} key that turns contract validation on the bus on or off. */
    public static final String VALIDATE_SCHEMA = "validate_schema";

    private static final Schema META = ConfigValues.meta("config");

    private final Document doc;
    private final Map<String, Manifest> manifests;
    private final Contract contract;
    private final JsonNode active;
    private final Map<ConfigEntry, Schema> schemas = new IdentityHashMap<>();

    private ConfigLoader(Document doc, Map<String, Manifest> manifests, Contract contract) {
        this.doc = doc;
        this.manifests = manifests;
        this.contract = contract;
        this.active = doc.root().path("active_modules");
    }

    /**
     * @param source    how messages name the file
     * @param manifests every known module type's manifest, by module name
     * @param contract  the contract, to check that interfaces exist and connections match them
     * @throws ConfigException listing every problem
     */
    public static RuntimeConfig load(String source, String yamlText, Map<String, Manifest> manifests, Contract contract) {
        ConfigLoader loader = new ConfigLoader(Document.parse(source, yamlText, META), Map.copyOf(manifests), contract);
        Map<String, Object> settings = loader.settings();
        Map<String, Manifest> used = new LinkedHashMap<>();
        Map<String, ModuleInstance> modules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> module : fields(loader.active)) {
            ModuleInstance instance = loader.instance(module.getKey(), module.getValue(), used);
            if (instance != null) {
                modules.put(module.getKey(), instance);
            }
        }
        loader.doc.throwIfProblems();
        return new RuntimeConfig(source, settings, modules, used);
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> setting : fields(doc.root().path("settings"))) {
            Object value = ConfigValues.scalar(setting.getValue());
            if (value != null && !doc.blocked(YamlTree.child("/settings", setting.getKey()))) {
                settings.put(setting.getKey(), value);
            }
        }
        settings.putIfAbsent(VALIDATE_SCHEMA, Boolean.TRUE);
        return settings;
    }

    private ModuleInstance instance(String moduleId, JsonNode node, Map<String, Manifest> used) {
        String at = YamlTree.child("/active_modules", moduleId);
        if (doc.blocked(at) || doc.blocked(at + "/module")) {
            return null;
        }
        String type = node.path("module").textValue();
        Manifest manifest = type == null ? null : manifests.get(type);
        if (manifest == null) {
            doc.problem(at + "/module", "unknown module type '" + type + "'; known module types: "
                    + new TreeSet<>(manifests.keySet()));
            return null;
        }
        if (used.putIfAbsent(type, manifest) == null) {
            checkInterfaces(manifest, at + "/module");
        }
        Map<String, Object> configModule = values(manifest.config(), node.get("config_module"),
                at + "/config_module", at, "module type " + type);

        Map<String, Map<String, Object>> configImplementation = new LinkedHashMap<>();
        JsonNode implConfigs = node.get("config_implementation");
        String implAt = at + "/config_implementation";
        for (Map.Entry<String, JsonNode> impl : fields(implConfigs)) {
            String pointer = YamlTree.child(implAt, impl.getKey());
            if (!doc.blocked(pointer) && !manifest.provides().containsKey(impl.getKey())) {
                doc.problem(pointer, "module type " + type + " provides no implementation '" + impl.getKey()
                        + "'; it provides: " + provided(manifest));
            }
        }
        for (ProvidedImpl impl : manifest.provides().values()) {
            JsonNode values = implConfigs == null ? null : implConfigs.get(impl.implId());
            configImplementation.put(impl.implId(), values(impl.config(), values,
                    YamlTree.child(implAt, impl.implId()), implConfigs == null ? at : implAt,
                    "implementation '" + impl.implId() + "' of " + type));
        }
        return new ModuleInstance(moduleId, type, configModule, configImplementation,
                connections(moduleId, node.get("connections"), at, manifest));
    }

    /**
     * Checks the values of one config map against its entries and returns them typed, in manifest order, with
     * defaults filled in.
     *
     * @param values  the map in the file, or {@code null} when it is not there
     * @param missing where a mandatory key that is not set is reported when {@code values} is absent
     */
    private Map<String, Object> values(Map<String, ConfigEntry> entries, JsonNode values, String pointer,
            String missing, String owner) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (values != null && doc.blocked(pointer)) {
            return out;
        }
        for (ConfigEntry entry : entries.values()) {
            JsonNode value = values == null ? null : values.get(entry.key());
            String at = YamlTree.child(pointer, entry.key());
            if (value != null) {
                if (doc.blocked(at)) {
                    continue;
                }
                List<String> failures = ConfigValues.check(schema(entry, owner), value);
                for (String failure : failures) {
                    doc.problem(at, "config key '" + entry.key() + "' of " + owner + ": "
                            + ConfigValues.show(value) + " is not valid: " + failure + "; expected "
                            + ConfigValues.expected(entry.schema()));
                }
                if (failures.isEmpty()) {
                    out.put(entry.key(), ConfigValues.convert(entry.type(), value));
                }
            } else if (entry.mandatory()) {
                doc.problem(values == null ? missing : pointer, "mandatory config key '" + entry.key() + "' of "
                        + owner + " is not set; expected " + ConfigValues.expected(entry.schema())
                        + " (the manifest gives no default)");
            } else {
                out.put(entry.key(), ConfigValues.convert(entry.type(), entry.defaultValue()));
            }
        }
        for (String key : names(values)) {
            String at = YamlTree.child(pointer, key);
            if (!entries.containsKey(key) && !doc.blocked(at)) {
                doc.problem(at, "unknown config key '" + key + "' for " + owner + "; "
                        + (entries.isEmpty() ? "it has no config keys" : "its config keys: " + entries.keySet())
                        + " (EVerest only logs unknown keys; Pylon rejects them)");
            }
        }
        return out;
    }

    private Schema schema(ConfigEntry entry, String owner) {
        return schemas.computeIfAbsent(entry,
                e -> ConfigValues.compile(e.schema(), owner.replace(' ', '_') + "/config/" + e.key()));
    }

    private Map<String, List<ImplementationId>> connections(String moduleId, JsonNode connections, String at,
            Manifest manifest) {
        String type = manifest.moduleName();
        String connAt = at + "/connections";
        Map<String, List<ImplementationId>> out = new LinkedHashMap<>();
        for (Requirement req : manifest.requires().values()) {
            out.put(req.requirementId(), new ArrayList<>());
        }
        if (connections != null && doc.blocked(connAt)) {
            return out;
        }
        for (Map.Entry<String, JsonNode> entry : fields(connections)) {
            String reqAt = YamlTree.child(connAt, entry.getKey());
            if (doc.blocked(reqAt)) {
                continue;
            }
            Requirement req = manifest.requires().get(entry.getKey());
            if (req == null) {
                doc.problem(reqAt, "module type " + type + " has no requirement '" + entry.getKey() + "'; "
                        + (manifest.requires().isEmpty() ? "it requires nothing"
                        : "its requirements: " + manifest.requires().keySet()));
                continue;
            }
            JsonNode items = entry.getValue();
            Set<ImplementationId> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                ImplementationId target = connection(req, type, items.get(i), YamlTree.child(reqAt, i), seen);
                if (target != null) {
                    out.get(req.requirementId()).add(target);
                }
            }
            String what = "requirement '" + req.requirementId() + "' of module type " + type + " (interface "
                    + req.interfaceName() + ")";
            if (items.size() < req.minConnections()) {
                doc.problem(reqAt, what + " needs at least " + req.minConnections() + " connection"
                        + plural(req.minConnections()) + ", has " + items.size());
            } else if (items.size() > req.maxConnections()) {
                doc.problem(reqAt, what + " allows at most " + req.maxConnections() + " connection"
                        + plural(req.maxConnections()) + ", has " + items.size());
            }
        }
        for (Requirement req : manifest.requires().values()) {
            boolean listed = connections != null && connections.has(req.requirementId());
            if (!listed && req.minConnections() > 0) {
                doc.problem(connections == null ? at : connAt, "requirement '" + req.requirementId()
                        + "' of module type " + type + " (interface " + req.interfaceName() + ") needs at least "
                        + req.minConnections() + " connection" + plural(req.minConnections()) + ", but "
                        + (connections == null ? "module '" + moduleId + "' has no 'connections'"
                        : "'connections' has no entry for it"));
            }
        }
        out.replaceAll((req, list) -> List.copyOf(list));
        return out;
    }

    /** One connection of a requirement, checked; {@code null} when it is wrong (and reported). */
    private ImplementationId connection(Requirement req, String type, JsonNode item, String at,
            Set<ImplementationId> seen) {
        if (doc.blocked(at)) {
            return null;
        }
        String moduleId = item.path("module_id").textValue();
        String implId = item.path("implementation_id").textValue();
        JsonNode target = moduleId == null ? null : active.get(moduleId);
        if (target == null) {
            doc.problem(at + "/module_id", "connection to module '" + moduleId + "', which is not in active_modules;"
                    + " module ids: " + names(active));
            return null;
        }
        String targetType = target.path("module").textValue();
        Manifest targetManifest = targetType == null ? null : manifests.get(targetType);
        if (targetManifest == null || implId == null) {
            return null; // its unknown module type is reported at the target
        }
        ProvidedImpl impl = targetManifest.provides().get(implId);
        if (impl == null) {
            doc.problem(at + "/implementation_id", "module '" + moduleId + "' (" + targetManifest.moduleName()
                    + ") provides no implementation '" + implId + "'; it provides: " + provided(targetManifest));
            return null;
        }
        if (!impl.interfaceName().equals(req.interfaceName())) {
            doc.problem(at + "/implementation_id", "'" + moduleId + "/" + implId + "' implements interface '"
                    + impl.interfaceName() + "', but requirement '" + req.requirementId() + "' of module type " + type
                    + " needs interface '" + req.interfaceName() + "'");
            return null;
        }
        ImplementationId id = new ImplementationId(moduleId, implId);
        if (!seen.add(id)) {
            doc.problem(at, "connection to '" + id + "' is listed twice for requirement '" + req.requirementId()
                    + "'; expected each implementation at most once per requirement");
            return null;
        }
        return id;
    }

    /** The manifests of a config come from module bundles; their interfaces must exist in this contract. */
    private void checkInterfaces(Manifest manifest, String pointer) {
        if (contract == null) {
            return;
        }
        for (ProvidedImpl impl : manifest.provides().values()) {
            if (contract.findInterface(impl.interfaceName()).isEmpty()) {
                doc.problem(pointer, "module type " + manifest.moduleName() + " (" + manifest.source()
                        + ") provides '" + impl.implId() + "' with interface '" + impl.interfaceName()
                        + "', which is not in the contract; known interfaces: " + contract.interfaces().keySet());
            }
        }
        for (Requirement req : manifest.requires().values()) {
            if (contract.findInterface(req.interfaceName()).isEmpty()) {
                doc.problem(pointer, "module type " + manifest.moduleName() + " (" + manifest.source()
                        + ") requires '" + req.requirementId() + "' with interface '" + req.interfaceName()
                        + "', which is not in the contract; known interfaces: " + contract.interfaces().keySet());
            }
        }
    }

    private static String provided(Manifest manifest) {
        return manifest.provides().values().stream().map(p -> p.implId() + " (" + p.interfaceName() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}

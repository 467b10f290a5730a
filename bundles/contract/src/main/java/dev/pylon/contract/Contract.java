package dev.pylon.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The whole contract, loaded and checked: every interface, type file and error file. Immutable. */
public final class Contract {
    private final Map<String, InterfaceDef> interfaces;
    private final Map<String, TypeFile> typeFiles;
    private final Map<String, ErrorFile> errorFiles;

    Contract(Map<String, InterfaceDef> interfaces, Map<String, TypeFile> typeFiles, Map<String, ErrorFile> errorFiles) {
        this.interfaces = Collections.unmodifiableMap(new TreeMap<>(interfaces));
        this.typeFiles = Collections.unmodifiableMap(new TreeMap<>(typeFiles));
        this.errorFiles = Collections.unmodifiableMap(new TreeMap<>(errorFiles));
    }

    public Map<String, InterfaceDef> interfaces() {
        return interfaces;
    }

    public Map<String, TypeFile> typeFiles() {
        return typeFiles;
    }

    public Map<String, ErrorFile> errorFiles() {
        return errorFiles;
    }

    public Optional<InterfaceDef> findInterface(String name) {
        return Optional.ofNullable(interfaces.get(name));
    }

    public InterfaceDef requireInterface(String name) {
        InterfaceDef def = interfaces.get(name);
        if (def == null) {
            throw new IllegalArgumentException("unknown interface '" + name + "'; known: " + interfaces.keySet());
        }
        return def;
    }

    /** The schema a {@code $ref: /<file>#/<type>} points to. */
    public Optional<JsonNode> findType(String file, String type) {
        TypeFile tf = typeFiles.get(file);
        return tf == null ? Optional.empty() : Optional.ofNullable(tf.types().get(type));
    }
}

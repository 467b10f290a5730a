package dev.pylon.runtime.config;

/** A requirement of a module: {@code requires.<id>: {interface, min_connections, max_connections}} (defaults 1, 1). */
public record Requirement(String requirementId, String interfaceName, int minConnections, int maxConnections) {

    /** Whether the module can run without any connection (EVerest's {@code min_connections: 0}). */
    public boolean optional() {
        return minConnections == 0;
    }
}

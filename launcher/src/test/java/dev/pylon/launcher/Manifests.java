package dev.pylon.launcher;

/** Module manifests for tests. */
final class Manifests {
    private Manifests() {
    }

    /** A valid manifest providing one powermeter implementation, with one config key. */
    static String meter(String description) {
        return """
                description: %s
                config:
                  interval_ms:
                    description: How often to publish readings
                    type: integer
                    default: 1000
                provides:
                  meter:
                    interface: powermeter
                    description: The readings
                metadata:
                  license: https://opensource.org/licenses/Apache-2.0
                  authors:
                    - Pylon tests
                """.formatted(description);
    }
}

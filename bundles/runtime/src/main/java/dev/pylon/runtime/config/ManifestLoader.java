package dev.pylon.runtime.config;

/** Reads a module's {@code manifest.yaml} (EVerest format) and checks it against Pylon's manifest meta-schema. */
public final class ManifestLoader {
    /** Where a module bundle carries its manifest: {@code modules/<ModuleName>/manifest.yaml}. */
    public static final String BUNDLE_PATH_PATTERN = "modules/%s/manifest.yaml";

    private ManifestLoader() {
    }

    /**
     * @param moduleName the module type (the folder name under {@code modules/})
     * @param source     how messages name the file
     * @throws ConfigException listing every problem with line numbers
     */
    public static Manifest load(String moduleName, String source, String yamlText) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}

package dev.pylon.contract;

/**
 * The text of one contract file.
 *
 * @param kind which folder it belongs to
 * @param stem the file name without {@code .yaml}: the interface name, the type file name used in
 *             {@code $ref: /<stem>#/Type}, or the error file name used in {@code /errors/<stem>}
 * @param path how problems name the file
 */
public record SourceFile(Kind kind, String stem, String path, String text) {

    public enum Kind {
        INTERFACE("interfaces"), TYPES("types"), ERRORS("errors");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        /** The folder of the contract tree that holds files of this kind. */
        public String folder() {
            return folder;
        }
    }
}

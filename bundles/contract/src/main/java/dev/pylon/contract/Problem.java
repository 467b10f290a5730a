package dev.pylon.contract;

/**
 * One thing wrong with a contract file, located so that an editor can jump to it.
 *
 * @param file   the file as the user knows it, for example {@code interfaces/types/evse_manager.yaml}
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Problem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}

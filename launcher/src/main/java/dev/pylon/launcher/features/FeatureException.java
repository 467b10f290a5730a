package dev.pylon.launcher.features;

/** A features file cannot be read, or names a feature that does not exist. */
public final class FeatureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeatureException(String message) {
        super(message);
    }

    public FeatureException(String message, Throwable cause) {
        super(message, cause);
    }
}

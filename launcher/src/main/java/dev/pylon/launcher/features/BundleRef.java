package dev.pylon.launcher.features;

/**
 * One {@code <bundle>} of a feature.
 *
 * @param url        where the bundle comes from
 * @param start      Karaf's {@code start} attribute (default true): whether the launcher starts it
 * @param startLevel Karaf's {@code start-level}, 0 when not given
 */
public record BundleRef(MavenUrl url, boolean start, int startLevel) {
}

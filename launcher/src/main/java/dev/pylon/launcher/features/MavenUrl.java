package dev.pylon.launcher.features;

/**
 * A bundle location of the form {@code mvn:groupId/artifactId/version[/type[/classifier]]}, as Karaf writes them.
 * Repository prefixes ({@code mvn:https://repo!g/a/v}) are not supported: the launcher installs staged files only.
 */
public record MavenUrl(String groupId, String artifactId, String version, String type, String classifier) {
    private static final String PREFIX = "mvn:";

    public static MavenUrl parse(String location) {
        if (!location.startsWith(PREFIX) || location.contains("!")) {
            throw new IllegalArgumentException("'" + location + "' is not of the form mvn:groupId/artifactId/version");
        }
        String[] parts = location.substring(PREFIX.length()).split("/", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException("'" + location + "' is not of the form mvn:groupId/artifactId/version"
                    + "[/type[/classifier]]");
        }
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("'" + location + "' has an empty part");
            }
        }
        return new MavenUrl(parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : "jar",
                parts.length > 4 ? parts[4] : null);
    }

    /** The file name Maven gives the artifact when it copies it: {@code artifactId-version[-classifier].type}. */
    public String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
    }

    @Override
    public String toString() {
        return PREFIX + groupId + "/" + artifactId + "/" + version
                + ("jar".equals(type) && classifier == null ? "" : "/" + type) + (classifier == null ? "" : "/" + classifier);
    }
}

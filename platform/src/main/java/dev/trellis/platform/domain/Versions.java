package dev.trellis.platform.domain;

/**
 * The If-Match rule for updates, in the application layer's words: the caller names the version it
 * read (an entity tag, {@code "3"}, or {@code *}); any other is a {@link StaleVersion}.
 */
public final class Versions {
    private Versions() {
    }

    /** @throws StaleVersion unless {@code ifMatch} names {@code currentVersion} (or is {@code *}) */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw StaleVersion.notSent();
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                continue; // If-Match uses strong comparison (RFC 9110 13.1.1)
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                    && tag.substring(1, tag.length() - 1).equals(current)) {
                return;
            }
        }
        throw StaleVersion.stale(currentVersion);
    }
}

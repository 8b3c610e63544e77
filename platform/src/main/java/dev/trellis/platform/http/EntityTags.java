package dev.trellis.platform.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETags from entity versions, and the If-Match rule for updates: no If-Match is 428, a stale one is
 * 412, so no update is ever lost silently.
 */
public final class EntityTags {
    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Fails unless {@code ifMatch} names the current version (or is {@code *}). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send the ETag you read in an If-Match header, so that a concurrent change is not overwritten");
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
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "The resource has changed since you read it (current ETag \"" + current + "\"); read it again and retry");
    }
}

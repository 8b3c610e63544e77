package dev.trellis.platform.domain;

/**
 * An update named no version, or one that is no longer current: optimistic concurrency, so that no
 * update is ever lost silently. Answered 428 (no version sent) or 412 (stale).
 */
public final class StaleVersion extends DomainException {
    private final boolean missing;

    private StaleVersion(boolean missing, String slug, String title, String detail) {
        super(slug, title, detail);
        this.missing = missing;
    }

    public static StaleVersion notSent() {
        return new StaleVersion(true, "precondition-required", "Precondition required",
                "Send the ETag you read in an If-Match header, so that a concurrent change is not overwritten");
    }

    public static StaleVersion stale(long current) {
        return new StaleVersion(false, "precondition-failed", "Precondition failed",
                "The resource has changed since you read it (current ETag \"" + current + "\"); read it again and retry");
    }

    /** True when no version was sent at all. */
    public boolean isMissing() {
        return missing;
    }
}

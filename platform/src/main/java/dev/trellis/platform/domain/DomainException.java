package dev.trellis.platform.domain;

/**
 * A request the application refuses for a reason of its own: something missing, a bad value, a state
 * that does not allow it, a rule it would break. Thrown by the application and domain layers, which know
 * nothing of HTTP; platform's problem mappers turn each kind into one problem+json answer, so the same
 * logic serves a REST call, a CSV import line and a Kafka consumer.
 *
 * <p>The {@link #slug()} becomes the problem {@code type} ({@code https://trellis.dev/problems/<slug>}),
 * documented in docs/api.md.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, InvalidInput, DomainRuleViolation, StaleVersion, AccessDenied {
    private final String slug;
    private final String title;

    protected DomainException(String slug, String title, String detail) {
        super(detail);
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}

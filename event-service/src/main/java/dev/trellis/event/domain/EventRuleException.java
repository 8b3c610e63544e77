package dev.trellis.event.domain;

/** A business rule of events, registrations or sponsorships was broken; answered as a 422 problem. */
public class EventRuleException extends RuntimeException {
    private final String slug;

    public EventRuleException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}

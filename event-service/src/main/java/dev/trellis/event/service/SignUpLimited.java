package dev.trellis.event.service;

import java.time.Duration;

/**
 * Too many sign-ups of one address, or from one client, in the window: the request is refused and may be repeated
 * after {@code retryAfter}. The HTTP layer answers 429 with {@code Retry-After}.
 */
public final class SignUpLimited extends RuntimeException {
    private final Duration retryAfter;

    public SignUpLimited(Duration retryAfter) {
        super("too many sign-ups; retry after " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.CalendarSubscription;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A private calendar feed. {@code feedUrl} carries the secret and is in the answer that made the feed only: it
 * cannot be shown again (only its hash is kept); make a new feed if it is lost.
 */
public record CalendarSubscriptionResponse(
        UUID id,
        UUID boardId,
        @Schema(description = "The owner's username", maxLength = 255) String owner,
        @Schema(description = "The secret address to subscribe to (webcal: the same with webcal://); only when the feed is made. "
                + "Its scheme, host and prefix come from the request's Host and X-Forwarded headers (at most 20480 "
                + "characters together), then a path of 74", maxLength = 20562)
        URI feedUrl,
        Instant createdAt,
        Instant lastFetchedAt,
        Instant revokedAt,
        @Schema(maxLength = 255) String revokedBy) {

    public static CalendarSubscriptionResponse of(CalendarSubscription s, URI feedUrl) {
        return new CalendarSubscriptionResponse(s.id, s.boardId, s.ownerUsername, feedUrl, s.createdAt, s.lastFetchedAt, s.revokedAt,
                s.revokedBy);
    }

    public static CalendarSubscriptionResponse of(CalendarSubscription s) {
        return of(s, null);
    }
}

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
        String owner,
        @Schema(description = "The secret address to subscribe to (webcal: the same with webcal://); only when the feed is made")
        URI feedUrl,
        Instant createdAt,
        Instant lastFetchedAt,
        Instant revokedAt,
        String revokedBy) {

    public static CalendarSubscriptionResponse of(CalendarSubscription s, URI feedUrl) {
        return new CalendarSubscriptionResponse(s.id, s.boardId, s.ownerUsername, feedUrl, s.createdAt, s.lastFetchedAt, s.revokedAt,
                s.revokedBy);
    }

    public static CalendarSubscriptionResponse of(CalendarSubscription s) {
        return of(s, null);
    }
}

package dev.trellis.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event was published. Key: {@code eventId}.
 *
 * @param eventId     the event
 * @param kind        conference, summit, meetup, webinar or workshop
 * @param title       public title
 * @param startsAt    when the event starts
 * @param endsAt      when the event ends
 * @param timeZone    IANA time zone id of the event (e.g. {@code Europe/Helsinki}), for local times
 * @param userGroupId the user group (chapter) organising the event; null if none
 */
public record EventPublished(
        UUID eventId,
        EventKind kind,
        String title,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        UUID userGroupId) {

    public static final String TYPE = "dev.trellis.event.event-published.v1";
}

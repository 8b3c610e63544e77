package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import java.time.Instant;
import java.util.UUID;

public record EventResponse(UUID id, EventKind kind, String title, String description, Instant startsAt,
        Instant endsAt, String timeZone, String venue, String onlineUrl, Integer capacity,
        Instant registrationOpensAt, Instant registrationClosesAt, UUID userGroupId, EventStatus status) {
    public static EventResponse of(Event e) {
        return new EventResponse(e.id, e.kind, e.title, e.description, e.startsAt, e.endsAt, e.timeZone, e.venue,
                e.onlineUrl, e.capacity, e.registrationOpensAt, e.registrationClosesAt, e.userGroupId, e.status);
    }
}

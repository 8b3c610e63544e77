package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import java.time.Instant;
import java.util.UUID;

public record EventResponse(UUID id, EventKind kind, String title, Instant startsAt, Instant endsAt, String timeZone,
        EventStatus status) {
    public static EventResponse of(Event e) {
        return new EventResponse(e.id, e.kind, e.title, e.startsAt, e.endsAt, e.timeZone, e.status);
    }
}

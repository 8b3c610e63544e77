package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.platform.csv.CsvTable;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EventResponse(UUID id, EventKind kind, @Schema(maxLength = 200) String title,
        @Schema(maxLength = 5000) String description, Instant startsAt, Instant endsAt,
        @Schema(maxLength = 64) String timeZone, @Schema(maxLength = 300) String venue,
        @Schema(maxLength = 2000) String onlineUrl,
        @Schema(description = "Seats; null for no limit", minimum = "0", maximum = "2147483647") Integer capacity,
        Instant registrationOpensAt, Instant registrationClosesAt, UUID userGroupId, EventStatus status,
        @Schema(description = "Anyone may sign up (POST /api/events/{id}/sign-ups)") boolean publicSignUp) {

    /** The events list as CSV. */
    public static final CsvTable<EventResponse> CSV = CsvTable.<EventResponse>named("events")
            .column("id", EventResponse::id).column("kind", EventResponse::kind).column("title", EventResponse::title)
            .column("description", EventResponse::description).column("startsAt", EventResponse::startsAt)
            .column("endsAt", EventResponse::endsAt).column("timeZone", EventResponse::timeZone)
            .column("venue", EventResponse::venue).column("onlineUrl", EventResponse::onlineUrl)
            .column("capacity", EventResponse::capacity).column("registrationOpensAt", EventResponse::registrationOpensAt)
            .column("registrationClosesAt", EventResponse::registrationClosesAt)
            .column("userGroupId", EventResponse::userGroupId).column("status", EventResponse::status)
            .column("publicSignUp", EventResponse::publicSignUp);
    public static EventResponse of(Event e) {
        return new EventResponse(e.id, e.kind, e.title, e.description, e.startsAt, e.endsAt, e.timeZone, e.venue,
                e.onlineUrl, e.capacity, e.registrationOpensAt, e.registrationClosesAt, e.userGroupId, e.status,
                e.publicSignUp);
    }
}

package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.EventKind;
import dev.trellis.event.service.command.EventChanges;
import dev.trellis.platform.validation.PublicHttpUrl;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON merge patch of an event: fields left out stay as they are; status changes go through /status-changes. */
@Schema(description = "Send only the fields to change", example = """
        {"capacity": 120, "venue": "Maria 01, Helsinki", "registrationClosesAt": "2027-02-17T20:00:00Z"}""")
public record EventPatch(
        EventKind kind,
        @Size(min = 1, max = 200) String title,
        @Size(max = 5000) String description,
        Instant startsAt,
        Instant endsAt,
        @Size(max = 64) @Pattern(regexp = TIME_ZONE, message = TIME_ZONE_MESSAGE) String timeZone,
        @Size(max = 300) String venue,
        @Size(max = 2000) @PublicHttpUrl String onlineUrl,
        @Min(0) @Max(MAX_CAPACITY) Integer capacity,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        UUID userGroupId,
        Boolean publicSignUp) {

    /** The same fields as the service's command; the patch keeps which of them were sent. */
    public EventChanges toCommand() {
        return new EventChanges(kind, title, description, startsAt, endsAt, timeZone, venue, onlineUrl, capacity,
                registrationOpensAt, registrationClosesAt, userGroupId, publicSignUp);
    }

    static final String TIME_ZONE = "[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}|UTC";
    /** The most seats an event may have: more than any venue or webinar the foundation runs. */
    static final int MAX_CAPACITY = 1_000_000;
    static final String TIME_ZONE_MESSAGE = "must be an IANA time zone such as Europe/Berlin";
}

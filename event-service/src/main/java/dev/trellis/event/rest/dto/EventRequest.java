package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.EventKind;
import dev.trellis.event.service.command.EventDetails;
import dev.trellis.platform.validation.PublicHttpUrl;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new event; it starts as a draft. */
@Schema(example = """
        {"kind": "MEETUP", "title": "Helsinki Cloud Native Meetup #13", "description": "Two talks and a sauna.",
         "startsAt": "2027-02-18T16:00:00Z", "endsAt": "2027-02-18T19:00:00Z", "timeZone": "Europe/Helsinki",
         "venue": "Maria 01, Lapinlahdenkatu 16, Helsinki", "capacity": 80,
         "registrationOpensAt": "2027-01-15T08:00:00Z", "registrationClosesAt": "2027-02-18T12:00:00Z",
         "userGroupId": "e7e7e7e7-0000-4000-8000-000000000001"}""")
public record EventRequest(
        @NotNull EventKind kind,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotBlank @Size(max = 64) @Pattern(regexp = EventPatch.TIME_ZONE, message = EventPatch.TIME_ZONE_MESSAGE) String timeZone,
        @Size(max = 300) String venue,
        @Size(max = 2000) @PublicHttpUrl String onlineUrl,
        @Schema(description = "Seats; left out for no limit") @Min(0) @Max(EventPatch.MAX_CAPACITY) Integer capacity,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        UUID userGroupId,
        @Schema(description = "Anyone may sign up without an account, confirming their address by mail; "
                + "left out: false") Boolean publicSignUp) {

    public EventDetails toCommand() {
        return new EventDetails(kind, title.strip(), description, startsAt, endsAt, timeZone, venue, onlineUrl, capacity,
                registrationOpensAt, registrationClosesAt, userGroupId, Boolean.TRUE.equals(publicSignUp));
    }
}

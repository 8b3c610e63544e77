package dev.trellis.event.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.UserGroupHealth;
import dev.trellis.event.service.UserGroupService;
import dev.trellis.event.service.UserGroupService.Summary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record UserGroupResponse(UUID id, @Schema(maxLength = 200) String name, @Schema(maxLength = 100) String city,
        @Schema(maxLength = 2) String country,
        @Schema(description = "Contact ids (partner-service) of the organisers, as set by POST and PATCH", maxItems = 20)
        List<UUID> organiserIds,
        @Schema(description = "The organisers, each with the partner it works for now (null when the partner read "
                + "model knows no employer)", maxItems = 20) List<Organiser> organisers,
        @Schema(description = "Meetups held: published or completed, and started", minimum = "0",
                maximum = "9223372036854775807") long meetupsHeld,
        Instant lastMeetupAt,
        @Schema(description = "ACTIVE, or DORMANT when no meetup in the last 60 days") UserGroupHealth.Health health,
        @Schema(description = "At least 3 meetups held, one in the last 60 days") boolean eligible,
        @Schema(description = "On a single group only: its latest 50 meetups (not drafts), newest first", maxItems = 50)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Meetup> meetups) {

    public record Organiser(UUID contactId, UUID partnerId, @Schema(maxLength = 200) String partnerName) {
        static Organiser of(UserGroupService.Organiser o) {
            return new Organiser(o.contactId(), o.partnerId(), o.partnerName());
        }
    }

    public record Meetup(UUID id, @Schema(maxLength = 200) String title, Instant startsAt,
            @Schema(maxLength = 64) String timeZone, EventStatus status) {
        static Meetup of(Event e) {
            return new Meetup(e.id, e.title, e.startsAt, e.timeZone, e.status);
        }
    }

    public static UserGroupResponse of(Summary s) {
        return of(s, null);
    }

    public static UserGroupResponse of(Summary s, List<Event> meetups) {
        return new UserGroupResponse(s.group().id, s.group().name, s.group().city, s.group().country,
                List.copyOf(s.group().organiserIds), s.organisers().stream().map(Organiser::of).toList(),
                s.meetupsHeld(), s.lastMeetupAt(), s.health(), s.eligible(),
                meetups == null ? null : meetups.stream().map(Meetup::of).toList());
    }
}

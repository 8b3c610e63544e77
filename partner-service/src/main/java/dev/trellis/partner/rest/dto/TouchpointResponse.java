package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.domain.TouchpointType;
import dev.trellis.platform.csv.CsvTable;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A touchpoint as staff see it, internal notes included, naming its partner and contact attendees too. Only
 * staff roles can reach the routes that return it; nothing a partner can read is built from this record.
 */
public record TouchpointResponse(UUID id, UUID partnerId, @Schema(maxLength = 200) String partnerName,
        LocalDate occurredOn, TouchpointType type, @Schema(maxLength = 2000) String summary,
        @Schema(maxLength = 10000) String notes,
        @Schema(description = "Whether the notes go to an attendee's subject-access export") boolean notesDisclosable,
        boolean executive,
        @Schema(maxItems = 50) List<UUID> attendeeContactIds,
        @Schema(maxItems = 50) List<Attendee> attendeeContacts,
        @Schema(maxItems = 50) List<@Size(max = 100) String> attendeeStaff,
        @Schema(description = "At most 100 (TouchpointService.MAX_NEXT_STEPS)", maxItems = 100) List<NextStepResponse> nextSteps,
        @Schema(maxLength = 100) String loggedBy,
        Instant createdAt, Instant updatedAt) {

    /**
     * The touchpoints list as CSV. The internal notes are never a column, whoever asks: an export leaves the system
     * and is forwarded. Attendees by name and next steps by count.
     */
    public static final CsvTable<TouchpointResponse> CSV = CsvTable.<TouchpointResponse>named("touchpoints")
            .column("id", TouchpointResponse::id).column("partnerId", TouchpointResponse::partnerId)
            .column("partnerName", TouchpointResponse::partnerName).column("occurredOn", TouchpointResponse::occurredOn)
            .column("type", TouchpointResponse::type).column("summary", TouchpointResponse::summary)
            .column("executive", TouchpointResponse::executive)
            .column("attendeeContacts", t -> t.attendeeContacts().stream().map(Attendee::name).toList())
            .column("attendeeStaff", TouchpointResponse::attendeeStaff)
            .column("nextStepCount", t -> t.nextSteps().size()).column("loggedBy", TouchpointResponse::loggedBy)
            .column("createdAt", TouchpointResponse::createdAt).column("updatedAt", TouchpointResponse::updatedAt);

    /** A contact attendee, by id and display name ("Erased contact" once erased). */
    public record Attendee(UUID id, @Schema(description = "First and last name", maxLength = 201) String name) {
    }

    /**
     * @param partnerNames partner names by id ({@code PartnerService.names})
     * @param contactNames contact display names by id ({@code ContactService.displayNames})
     */
    public static TouchpointResponse of(Touchpoint touchpoint, LocalDate today, Map<UUID, String> partnerNames,
            Map<UUID, String> contactNames) {
        List<UUID> contacts = touchpoint.contactIds();
        return new TouchpointResponse(touchpoint.id, touchpoint.partnerId, Names.of(partnerNames, touchpoint.partnerId),
                touchpoint.occurredOn, touchpoint.type, touchpoint.summary, touchpoint.notes,
                touchpoint.notesDisclosable, touchpoint.executive,
                contacts, contacts.stream().map(id -> new Attendee(id, Names.of(contactNames, id))).toList(),
                touchpoint.staffUsernames(),
                touchpoint.nextSteps.stream().map(s -> NextStepResponse.of(s, today, partnerNames)).toList(),
                touchpoint.loggedBy, touchpoint.createdAt, touchpoint.updatedAt);
    }
}

package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.TouchpointType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Log a touchpoint with a partner, with its attendees and the next steps agreed. Null lists are empty.
 *
 * @param occurredOn at most one day after today (time zones)
 * @param notesDisclosable whether an attendee's subject-access export holds the notes; null is yes
 */
public record LogTouchpoint(LocalDate occurredOn, TouchpointType type, String summary, String notes,
        List<UUID> attendeeContactIds, List<String> attendeeStaff, List<NewNextStep> nextSteps,
        Boolean notesDisclosable) {

    /** Notes disclosable to their attendees (the default). */
    public LogTouchpoint(LocalDate occurredOn, TouchpointType type, String summary, String notes,
            List<UUID> attendeeContactIds, List<String> attendeeStaff, List<NewNextStep> nextSteps) {
        this(occurredOn, type, summary, notes, attendeeContactIds, attendeeStaff, nextSteps, null);
    }
}

package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.TouchpointType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Log a touchpoint with a partner, with its attendees and the next steps agreed. Null lists are empty.
 *
 * @param occurredOn at most one day after today (time zones)
 */
public record LogTouchpoint(LocalDate occurredOn, TouchpointType type, String summary, String notes,
        List<UUID> attendeeContactIds, List<String> attendeeStaff, List<NewNextStep> nextSteps) {
}

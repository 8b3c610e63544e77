package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.domain.TouchpointType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A touchpoint as staff see it, internal notes included. Only staff roles can reach the routes that return
 * it; nothing a partner can read is built from this record.
 */
public record TouchpointResponse(UUID id, UUID partnerId, LocalDate occurredOn, TouchpointType type, String summary,
        String notes, boolean executive, List<UUID> attendeeContactIds, List<String> attendeeStaff,
        List<NextStepResponse> nextSteps, String loggedBy, Instant createdAt, Instant updatedAt) {

    public static TouchpointResponse of(Touchpoint touchpoint, LocalDate today) {
        return new TouchpointResponse(touchpoint.id, touchpoint.partnerId, touchpoint.occurredOn, touchpoint.type,
                touchpoint.summary, touchpoint.notes, touchpoint.executive, touchpoint.contactIds(),
                touchpoint.staffUsernames(), touchpoint.nextSteps.stream().map(s -> NextStepResponse.of(s, today)).toList(),
                touchpoint.loggedBy, touchpoint.createdAt, touchpoint.updatedAt);
    }
}

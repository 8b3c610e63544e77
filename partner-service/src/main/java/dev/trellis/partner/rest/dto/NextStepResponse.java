package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.NextStep;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A next step as staff see it. {@code version} is what an update sends back as {@code If-Match: "<version>"},
 * so that a worklist can tick steps off without reading each one first.
 */
public record NextStepResponse(UUID id, UUID touchpointId, UUID partnerId, String description, String owner,
        LocalDate dueOn, boolean done, Instant doneAt, boolean overdue, long version, Instant createdAt,
        Instant updatedAt) {

    public static NextStepResponse of(NextStep step, LocalDate today) {
        return new NextStepResponse(step.id, step.touchpoint.id, step.touchpoint.partnerId, step.description, step.owner,
                step.dueOn, step.done, step.doneAt, step.overdueOn(today), step.version, step.createdAt, step.updatedAt);
    }
}

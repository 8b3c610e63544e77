package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.NextStep;
import dev.trellis.platform.csv.CsvTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A next step as staff see it, naming its partner too. {@code version} is what an update sends back as
 * {@code If-Match: "<version>"}, so that a worklist can tick steps off without reading each one first.
 */
public record NextStepResponse(UUID id, UUID touchpointId, UUID partnerId, @Schema(maxLength = 200) String partnerName,
        @Schema(maxLength = 500) String description, @Schema(maxLength = 100) String owner, LocalDate dueOn,
        boolean done, Instant doneAt, boolean overdue,
        @Schema(minimum = "0", maximum = "9223372036854775807") long version, Instant createdAt,
        Instant updatedAt) {

    /** A worklist of next steps as CSV. */
    public static final CsvTable<NextStepResponse> CSV = CsvTable.<NextStepResponse>named("next-steps")
            .column("id", NextStepResponse::id).column("touchpointId", NextStepResponse::touchpointId)
            .column("partnerId", NextStepResponse::partnerId).column("partnerName", NextStepResponse::partnerName)
            .column("description", NextStepResponse::description).column("owner", NextStepResponse::owner)
            .column("dueOn", NextStepResponse::dueOn).column("done", NextStepResponse::done)
            .column("doneAt", NextStepResponse::doneAt).column("overdue", NextStepResponse::overdue)
            .column("createdAt", NextStepResponse::createdAt).column("updatedAt", NextStepResponse::updatedAt);

    /** @param partnerNames partner names by id ({@code PartnerService.names}) */
    public static NextStepResponse of(NextStep step, LocalDate today, Map<UUID, String> partnerNames) {
        UUID partnerId = step.touchpoint.partnerId;
        return new NextStepResponse(step.id, step.touchpoint.id, partnerId, Names.of(partnerNames, partnerId),
                step.description, step.owner, step.dueOn, step.done, step.doneAt, step.overdueOn(today), step.version,
                step.createdAt, step.updatedAt);
    }
}

package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.ErasureRequest;
import dev.trellis.partner.domain.ErasureStep;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An erasure request's progress: each service that holds data about people, PENDING until it confirmed its part,
 * then DONE (by service name); the request is DONE once all are.
 */
public record ErasureStatusResponse(
        UUID requestId,
        @Schema(description = "The erased contact; null for a guest's address") UUID contactId,
        Instant requestedAt,
        @Schema(enumeration = {"PENDING", "DONE"}) String status,
        @Schema(description = "When the last service confirmed; null while one has not") Instant completedAt,
        @Schema(description = "One per service that holds data about people", maxItems = 20) List<ServiceStep> services) {

    /** One service's part. */
    public record ServiceStep(
            @Schema(example = "event", maxLength = 40) String service,
            @Schema(enumeration = {"PENDING", "DONE"}) String status,
            Instant completedAt) {

        static ServiceStep of(ErasureStep step) {
            return new ServiceStep(step.service, ErasureStatusResponse.status(step.done()), step.completedAt);
        }
    }

    public static ErasureStatusResponse of(ErasureRequest request) {
        return new ErasureStatusResponse(request.id, request.contactId, request.requestedAt, status(request.done()),
                request.completedAt().orElse(null), request.steps.stream()
                .sorted(java.util.Comparator.comparing((ErasureStep step) -> step.service)).map(ServiceStep::of).toList());
    }

    static String status(boolean done) {
        return done ? "DONE" : "PENDING";
    }
}

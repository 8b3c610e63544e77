package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.ErasureRequest;
import dev.trellis.partner.service.ErasureService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of an erasure: which contact, when it was erased (the first time, if asked again), and the request's
 * progress across the services ({@link ErasureStatusResponse}).
 */
public record ContactErasureResponse(
        UUID contactId,
        Instant erasedAt,
        UUID requestId,
        @Schema(enumeration = {"PENDING", "DONE"}) String status,
        @Schema(description = "One per service that holds data about people", maxItems = 20)
        List<ErasureStatusResponse.ServiceStep> services) {

    public static ContactErasureResponse of(ErasureService.ContactErasure erasure) {
        ErasureRequest request = erasure.request();
        ErasureStatusResponse status = ErasureStatusResponse.of(request);
        return new ContactErasureResponse(erasure.contact().id, erasure.contact().erasedAt, request.id, status.status(),
                status.services());
    }
}

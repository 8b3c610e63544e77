package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.ApiClient;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's machine client as staff see it: never its secret. */
public record ApiClientResponse(
        @Schema(description = "The client_id of the token request", maxLength = 64) String clientId,
        UUID partnerId,
        @Schema(maxLength = 100) String name,
        @Schema(description = "The staff member who created it", maxLength = 100) String createdBy,
        Instant createdAt) {

    public static ApiClientResponse of(ApiClient client) {
        return new ApiClientResponse(client.clientId, client.partnerId, client.name, client.createdBy, client.createdAt);
    }
}

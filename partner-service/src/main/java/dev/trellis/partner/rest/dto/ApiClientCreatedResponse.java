package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.ApiClientCreated;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new machine client with its secret, which is in this response only: staff pass it to the partner. */
public record ApiClientCreatedResponse(
        @Schema(description = "The client_id of the token request", maxLength = 64) String clientId,
        UUID partnerId,
        @Schema(maxLength = 100) String name,
        @Schema(maxLength = 100) String createdBy,
        Instant createdAt,
        @Schema(description = "The client_secret of the token request. Not stored, not shown again.", maxLength = 255)
        String clientSecret) {

    public static ApiClientCreatedResponse of(ApiClientCreated created) {
        var client = created.client();
        return new ApiClientCreatedResponse(client.clientId, client.partnerId, client.name, client.createdBy,
                client.createdAt, created.secret());
    }
}

package dev.trellis.webhook.rest.dto;

import dev.trellis.webhook.service.RotatedSecret;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rotated secret, shown once; the previous one keeps signing (a second signature) until {@code previousExpiresAt}. */
public record SecretResponse(
        @Size(max = 100) @Schema(description = "whsec_ and the secret's bytes in base64") String secret,
        Instant previousExpiresAt) {

    public static SecretResponse of(RotatedSecret rotated) {
        return new SecretResponse(rotated.secret(), rotated.previousExpiresAt());
    }
}

package dev.trellis.webhook.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trellis.webhook.domain.Subscription;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription; {@code secret} only in the answer that creates it. */
public record SubscriptionResponse(
        UUID id,
        @Size(max = 2000) String url,
        @Size(max = 200) String description,
        @Size(max = 50) List<@Size(max = 100) String> eventTypes,
        @Schema(description = "the partner filter: only events whose partnerId is this one") UUID partnerId,
        @Schema(description = "the partner that owns it; null for a staff subscription") UUID ownerPartnerId,
        boolean enabled,
        @Size(max = 500) String disabledReason,
        Instant disabledAt,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 100) @Schema(description = "the signing secret (whsec_...), shown once, when the subscription is created")
        String secret) {

    public static SubscriptionResponse of(Subscription s) {
        return of(s, null);
    }

    public static SubscriptionResponse of(Subscription s, String secret) {
        return new SubscriptionResponse(s.id, s.url, s.description, s.eventTypeList(), s.filterPartnerId, s.ownerPartnerId,
                s.enabled, s.disabledReason, s.disabledAt, s.createdAt, s.updatedAt, secret);
    }
}

package dev.trellis.webhook.rest.dto;

import dev.trellis.webhook.domain.Delivery;
import dev.trellis.webhook.domain.DeliveryStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of the log: the event, where it stands and how its last attempt went. */
public record DeliveryResponse(
        UUID id,
        @Size(max = 255) @Schema(description = "the CloudEvent id, sent as webhook-id") String eventId,
        @Size(max = 255) String eventType,
        @Schema(description = "the partner the event is about; null for none") UUID partnerId,
        DeliveryStatus status,
        @Min(0) @Schema(minimum = "0", maximum = "2147483647") int attempts,
        @Min(100) @Max(599) @Schema(description = "the receiver's status code of the last attempt, if it answered") Integer lastStatusCode,
        @Size(max = 500) String lastError,
        Instant lastAttemptAt,
        @Schema(description = "when a pending delivery is tried next") Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt,
        @Schema(description = "the delivery this one repeats, for a redelivery") UUID redeliveryOf) {

    public static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(d.id, d.eventId, d.eventType, d.partnerId(), d.status, d.attempts, d.lastStatusCode,
                d.lastError, d.lastAttemptAt, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.deliveredAt,
                d.createdAt, d.redeliveryOf);
    }
}

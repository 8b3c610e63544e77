package dev.trellis.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription, and how its sending went. Deliveries of one subscription and one lane (the event's
 * partner, or none) go out one at a time in {@code seq} order. The worker writes these rows with SQL of its own; the
 * entity serves the delivery log and redelivery.
 */
@Entity
@Table(name = "delivery")
public class Delivery {
    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public long seq;
    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;
    @Column(nullable = false)
    public String lane;
    @Column(name = "event_id", nullable = false)
    public String eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "redelivery_of")
    public UUID redeliveryOf;

    /** The partner the event is about, or null. */
    public UUID partnerId() {
        return lane.isEmpty() ? null : UUID.fromString(lane);
    }
}

package dev.trellis.webhook.domain;

import dev.trellis.platform.persistence.Created;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One signing secret of a subscription, sealed; a rotated one signs until {@code expiresAt}. */
@Entity
@Table(name = "subscription_secret")
public class SubscriptionSecret extends Created {
    @Id
    public UUID id;
    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;
    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;
    @Column(name = "expires_at")
    public Instant expiresAt;
}

package dev.trellis.webhook.domain;

import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An endpoint that receives the events of some types. A staff subscription ({@code ownerPartnerId} null) may receive
 * any event, filtered by partner or not; a partner's receives only the events whose {@code partnerId} is its own.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends Timestamped {
    @Id
    public UUID id;
    @Column(name = "owner_partner_id")
    public UUID ownerPartnerId;
    @Column(nullable = false)
    public String url;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public String[] eventTypes;
    @Column(name = "filter_partner_id")
    public UUID filterPartnerId;
    @Column(nullable = false)
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "failure_streak", nullable = false)
    public int failureStreak;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;

    public List<String> eventTypeList() {
        return List.copyOf(Arrays.asList(eventTypes));
    }

    /**
     * Whether an event of {@code type} about {@code partnerId} (null: about no partner) is for this subscription: its
     * type is listed, it passes the partner filter, and a partner's subscription sees its own partner's events only.
     */
    public boolean matches(String type, UUID partnerId) {
        return enabled && Matching.matches(eventTypeList(), filterPartnerId, ownerPartnerId, type, partnerId);
    }

    /** Turns deliveries back on: the failure streak starts again. */
    public void enable() {
        enabled = true;
        disabledReason = null;
        disabledAt = null;
        failureStreak = 0;
        failingSince = null;
    }

    public void disable(String reason, Instant at) {
        enabled = false;
        disabledReason = reason;
        disabledAt = at;
    }
}

package dev.trellis.event.domain;

import dev.trellis.platform.audit.NotAudited;
import dev.trellis.contracts.partner.MembershipTerms;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The local copy of a partner's membership: the terms its latest membership-changed event carried, one row per
 * partner. Its tier and standing on any day are read from them ({@link MembershipTerms}), as partner-service and
 * advisory-service read them.
 */
@NotAudited
@Entity
@Table(name = "membership_view")
public class MembershipView extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(name = "membership_id", nullable = false)
    public UUID membershipId;
    /** The tier until {@link #pendingTier} takes effect. */
    @Column(nullable = false)
    public String tier;
    @Column(name = "pending_tier")
    public String pendingTier;
    @Column(name = "pending_tier_effective")
    public LocalDate pendingTierEffective;
    @Column(name = "term_start", nullable = false)
    public LocalDate termStart;
    @Column(name = "term_end", nullable = false)
    public LocalDate termEnd;
    @Column(name = "grace_days", nullable = false)
    public int graceDays;
    @Column(name = "auto_renew", nullable = false)
    public boolean autoRenew;
    /** The effective date of the latest change. */
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;
    /** The latest change: STARTED, RENEWED, TIER_CHANGED, STATUS_CHANGED or ENDED, as partner-service reported it. */
    @Column(name = "change", nullable = false)
    public String change;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public MembershipTerms terms() {
        return new MembershipTerms(tier, pendingTier, pendingTierEffective, termStart, termEnd, autoRenew, graceDays);
    }
}

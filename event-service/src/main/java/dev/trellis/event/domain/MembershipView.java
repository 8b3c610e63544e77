package dev.trellis.event.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The local copy of a partner-service membership, one row per state in force from its effective date (from
 * membership-changed events). A later event replaces every row it supersedes ({@link MembershipTerms#supersede}),
 * so a partner keeps only the states that still apply on some day from now on.
 */
@Entity
@Table(name = "membership_view")
public class MembershipView extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(name = "membership_id", nullable = false)
    public UUID membershipId;
    @Column(nullable = false)
    public String tier;
    @Column(name = "term_start", nullable = false)
    public LocalDate termStart;
    @Column(name = "term_end", nullable = false)
    public LocalDate termEnd;
    @Column(name = "grace_days", nullable = false)
    public int graceDays;
    @Column(name = "auto_renew", nullable = false)
    public boolean autoRenew;
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;
    /** STARTED, RENEWED, TIER_CHANGED, STATUS_CHANGED or ENDED, as partner-service reported it. */
    @Column(name = "change", nullable = false)
    public String change;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public MembershipTerms terms() {
        return new MembershipTerms(tier, termStart, termEnd, graceDays, autoRenew, effectiveDate);
    }
}

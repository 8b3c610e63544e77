package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.NotAudited;
import dev.trellis.advisory.domain.policy.MembershipHistory;
import dev.trellis.advisory.domain.policy.MembershipStatus;
import dev.trellis.contracts.partner.MembershipTerms;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One membership change of a partner, as partner-service's membership-changed told it (see {@link MembershipHistory}). */
@NotAudited
@Entity
@Table(name = "membership_history")
public class MembershipEntry extends PanacheEntityBase {
    /** Not from an event: the demo data's assumption, or what the read model knew before dates were kept. */
    public static final String ASSUMED = "ASSUMED";

    /** The order changes arrived in, which is the order partner-service recorded them (its events are keyed by partner). */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(name = "membership_id")
    public UUID membershipId;
    @Column(nullable = false)
    public String change;
    public String tier;
    @Column(name = "reported_status")
    public String reportedStatus;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "grace_days", nullable = false)
    public int graceDays;
    @Column(name = "auto_renew", nullable = false)
    public boolean autoRenew;
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;
    /** The day partner-service recorded the change, in the foundation's zone. */
    @Column(name = "recorded_on", nullable = false)
    public LocalDate recordedOn;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    @Column(nullable = false)
    public boolean assumed;
    /** The membership's terms after the change ({@link MembershipTerms}); null for a change not known by its dates. */
    @Column(name = "terms_tier")
    public String termsTier;
    @Column(name = "pending_tier")
    public String pendingTier;
    @Column(name = "pending_tier_effective")
    public LocalDate pendingTierEffective;

    /** The membership's terms after this change; null when it is not known by its dates. */
    public MembershipTerms terms() {
        boolean dated = termStart != null && termEnd != null && !termEnd.isBefore(termStart);
        if (!dated || termsTier == null || (pendingTier == null) != (pendingTierEffective == null)) {
            return null;
        }
        return new MembershipTerms(termsTier, pendingTier, pendingTierEffective, termStart, termEnd, autoRenew, graceDays);
    }

    /** Records {@code terms} as the membership after this change. */
    public void terms(MembershipTerms terms) {
        termsTier = terms == null ? null : terms.tier();
        pendingTier = terms == null ? null : terms.pendingTier();
        pendingTierEffective = terms == null ? null : terms.pendingTierEffective();
        if (terms != null) {
            termStart = terms.termStart();
            termEnd = terms.termEnd();
            graceDays = terms.graceDays();
            autoRenew = terms.autoRenew();
        }
    }

    /** This change as the membership rules read it. */
    public MembershipHistory.Change asChange() {
        MembershipStatus reported = null;
        if (reportedStatus != null) {
            try {
                reported = MembershipStatus.valueOf(reportedStatus);
            } catch (IllegalArgumentException e) {
                reported = null;
            }
        }
        return new MembershipHistory.Change(seq, terms(), tier, reported);
    }
}

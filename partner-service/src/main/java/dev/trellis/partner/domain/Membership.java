package dev.trellis.partner.domain;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A partner's membership row; the rules live in {@link MembershipRules}, over {@link #terms()}. */
@Entity
@Table(name = "membership")
public class Membership extends Timestamped {
    @Id
    public UUID id;
    @Column(name = "partner_id", nullable = false, unique = true)
    public UUID partnerId;
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
    @Column(name = "auto_renew", nullable = false)
    public boolean autoRenew;
    @Column(name = "grace_days", nullable = false)
    public int graceDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "last_status", nullable = false)
    public MembershipStatus lastStatus;
    @Version
    public long version;

    public static Optional<Membership> ofPartner(UUID partnerId) {
        return find("partnerId", partnerId).firstResultOptional();
    }

    public MembershipTerms terms() {
        return new MembershipTerms(tier, pendingTier, pendingTierEffective, termStart, termEnd, autoRenew, graceDays);
    }

    public void apply(MembershipTerms terms) {
        tier = terms.tier();
        pendingTier = terms.pendingTier();
        pendingTierEffective = terms.pendingTierEffective();
        termStart = terms.termStart();
        termEnd = terms.termEnd();
        autoRenew = terms.autoRenew();
        graceDays = terms.graceDays();
    }
}

package dev.trellis.insights.domain;

import dev.trellis.contracts.partner.MembershipTerms;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A partner as partner-service's events describe it, with its membership's latest terms. */
@Entity
@Table(name = "partner")
public class PartnerProfile extends PanacheEntityBase {
    @Id
    @Column(name = "partner_id")
    public UUID partnerId;
    public String name;
    @Column(name = "lifecycle_status", nullable = false)
    public String lifecycleStatus = "ACTIVE";
    @Column(name = "parent_partner_id")
    public UUID parentPartnerId;
    public String tier;
    @Column(name = "pending_tier")
    public String pendingTier;
    @Column(name = "pending_tier_effective")
    public LocalDate pendingTierEffective;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "auto_renew", nullable = false)
    public boolean autoRenew;
    @Column(name = "grace_days", nullable = false)
    public int graceDays;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The membership's terms, if the partner has a membership. */
    public Optional<MembershipTerms> terms() {
        if (tier == null || termStart == null || termEnd == null || (pendingTier == null) != (pendingTierEffective == null)) {
            return Optional.empty();
        }
        return Optional.of(new MembershipTerms(tier, pendingTier, pendingTierEffective, termStart, termEnd, autoRenew, graceDays));
    }

    public void terms(MembershipTerms terms) {
        tier = terms.tier();
        pendingTier = terms.pendingTier();
        pendingTierEffective = terms.pendingTierEffective();
        termStart = terms.termStart();
        termEnd = terms.termEnd();
        autoRenew = terms.autoRenew();
        graceDays = terms.graceDays();
    }

    /** Neither lapsed nor former: what partner-service and advisory-service count as a member, with a live membership. */
    public boolean lifecycleActive() {
        return !"LAPSED".equals(lifecycleStatus) && !"FORMER".equals(lifecycleStatus);
    }
}

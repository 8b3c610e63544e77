package dev.trellis.advisory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What this service knows of a partner: only what partner-service's events told it. */
@Entity
@Table(name = "partner_view")
public class PartnerView extends PanacheEntityBase {
    @Id
    @Column(name = "partner_id")
    public UUID partnerId;
    public String name;
    @Column(name = "lifecycle_status", nullable = false)
    public String lifecycleStatus;
    @Column(name = "parent_partner_id")
    public UUID parentPartnerId;
    /** Membership tier from membership-changed; null until one arrives. */
    public String tier;
    @Column(name = "membership_status")
    public String membershipStatus;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** An active member: not lapsed or former, with a tier, and a membership that has not expired. */
    public boolean activeMember() {
        boolean partnerActive = !"LAPSED".equals(lifecycleStatus) && !"FORMER".equals(lifecycleStatus);
        boolean membershipActive = membershipStatus == null || "NEW".equals(membershipStatus) || "CURRENT".equals(membershipStatus)
                || "GRACE".equals(membershipStatus);
        return partnerActive && tier != null && membershipActive;
    }
}

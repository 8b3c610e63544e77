package dev.trellis.event.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The local copy of a partner-service partner: what sponsorships and company snapshots need. */
@NotAudited
@Entity
@Table(name = "partner_view")
public class PartnerView extends PanacheEntityBase {
    @Id
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(nullable = false)
    public String name;
    /** PROSPECT, ACTIVE, LAPSED or FORMER, as partner-service reports it. */
    @Column(name = "lifecycle_status", nullable = false)
    public String lifecycleStatus;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean active() {
        return "ACTIVE".equals(lifecycleStatus);
    }
}

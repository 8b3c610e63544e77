package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What this service knows of a partner: only what partner-service's events told it. Its membership is
 * kept apart, dated ({@link MembershipEntry}), because it is read for a day.
 */
@NotAudited
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
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Not lapsed or former. */
    public boolean lifecycleActive() {
        return !"LAPSED".equals(lifecycleStatus) && !"FORMER".equals(lifecycleStatus);
    }
}

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
    @Column(nullable = false)
    public String name;
    @Column(name = "lifecycle_status", nullable = false)
    public String lifecycleStatus;
    @Column(name = "parent_partner_id")
    public UUID parentPartnerId;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

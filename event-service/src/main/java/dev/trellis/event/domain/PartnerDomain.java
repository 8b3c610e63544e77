package dev.trellis.event.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An email domain of a partner's people, to find a guest's company from the guest's email. */
@NotAudited
@Entity
@Table(name = "partner_view_domain")
public class PartnerDomain extends PanacheEntityBase {
    @Id
    public String domain;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
}

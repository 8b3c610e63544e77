package dev.trellis.event.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** Which partner a contact works for, from partner-service's affiliation events. */
@NotAudited
@Entity
@Table(name = "contact_affiliation_view")
public class ContactAffiliation extends PanacheEntityBase {
    @Id
    @Column(name = "affiliation_id")
    public UUID affiliationId;
    @Column(name = "contact_id", nullable = false)
    public UUID contactId;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
}

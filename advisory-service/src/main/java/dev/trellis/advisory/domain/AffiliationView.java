package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.NotAudited;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A contact's affiliation with a partner, as partner-service's events told it. */
@NotAudited
@Entity
@Table(name = "affiliation_view")
public class AffiliationView extends PanacheEntityBase {
    @Id
    @Column(name = "affiliation_id")
    public UUID affiliationId;
    @Column(name = "contact_id", nullable = false)
    public UUID contactId;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(nullable = false)
    public String role;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}

package dev.trellis.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A partner organisation: a member company, a sponsor, or one being recruited. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    public String website;
    public String country;
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_status", nullable = false)
    public LifecycleStatus lifecycleStatus;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void created() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

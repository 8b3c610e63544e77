package dev.trellis.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A person the foundation deals with. Personal data: never logged. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "first_name", nullable = false)
    public String firstName;
    @Column(name = "last_name", nullable = false)
    public String lastName;
    /** Unique case-insensitively; stored as given. */
    @Column(nullable = false)
    public String email;
    public String phone;
    @Column(name = "job_title")
    public String jobTitle;
    /** Also bumped by affiliation and consent changes, which are part of the contact's representation. */
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

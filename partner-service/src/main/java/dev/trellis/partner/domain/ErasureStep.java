package dev.trellis.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One service's part of an {@link ErasureRequest}: pending until the service confirmed it. */
@Entity
@Table(name = "erasure_step")
public class ErasureStep extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public ErasureRequest request;
    @Column(nullable = false)
    public String service;
    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean done() {
        return completedAt != null;
    }

    /** Records the confirmation; a repeated one keeps the first time. */
    public void complete(Instant at) {
        if (completedAt == null) {
            completedAt = at;
        }
    }
}

package dev.trellis.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entity that knows when it was created (microseconds, as PostgreSQL stores them). The table
 * needs a {@code created_at timestamptz not null} column. {@link Timestamped} adds the last change.
 */
@MappedSuperclass
public abstract class Created extends PanacheEntityBase {
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @PrePersist
    void stampCreated() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

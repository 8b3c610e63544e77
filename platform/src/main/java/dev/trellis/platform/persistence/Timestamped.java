package dev.trellis.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entity that knows when it was created and last changed (microseconds, as PostgreSQL stores them).
 * The table needs {@code created_at} and {@code updated_at} columns ({@code timestamptz not null}).
 */
@MappedSuperclass
public abstract class Timestamped extends Created {
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Runs after {@link Created}'s callback (JPA calls a superclass's first), so createdAt is set. */
    @PrePersist
    void stampFirstChange() {
        updatedAt = createdAt;
        beforeCreate();
    }

    @PreUpdate
    void stampUpdated() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A hook for subclasses that derive fields before the first insert. */
    protected void beforeCreate() {
    }
}

package dev.trellis.advisory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A board or committee of the foundation. */
@Entity
@Table(name = "board")
public class Board extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BoardKind kind;
    /** The seat policy as a JSON document; {@link dev.trellis.advisory.domain.policy.SeatPolicy} is its shape. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String policy = "{}";
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @PrePersist
    void created() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

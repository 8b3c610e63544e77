package dev.trellis.advisory.domain;

import dev.trellis.platform.persistence.Created;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.UUID;

/** A board or committee of the foundation. */
@Entity
@Table(name = "board")
public class Board extends Created {
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
}

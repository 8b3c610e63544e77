package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A board's seats per company group as advisory-service last published them; {@code groups} is their JSON array. */
@Entity
@Table(name = "board_composition")
public class BoardComposition extends PanacheEntityBase {
    @Id
    @Column(name = "board_id")
    public UUID boardId;
    @Column(name = "board_name", nullable = false)
    public String boardName;
    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;
    @Column(name = "seats_held", nullable = false)
    public int seatsHeld;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String groups;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Whether the kept composition carried the members' entitlements ({@link BoardEntitlement}). */
    @Column(name = "entitlements_known", nullable = false)
    public boolean entitlementsKnown;
}

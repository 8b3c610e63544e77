package dev.trellis.advisory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An open finding of the seat policy on a held seat, for staff to act on. */
@Entity
@Table(name = "seat_flag")
public class SeatFlag extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "seat_id", nullable = false)
    public UUID seatId;
    @Column(nullable = false)
    public String rule;
    @Column(name = "reason_code", nullable = false)
    public String reasonCode;
    @Column(nullable = false)
    public String detail;
    @Column(name = "flagged_at", nullable = false)
    public Instant flaggedAt;
}

package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.AuditMasked;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The audit of one policy rule that staff overrode to make an appointment, with their reason. */
@AuditMasked({"reason", "detail"})
@Entity
@Table(name = "policy_override")
public class PolicyOverride extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "board_id", nullable = false)
    public UUID boardId;
    @Column(name = "seat_id", nullable = false)
    public UUID seatId;
    @Column(nullable = false)
    public String rule;
    @Column(nullable = false)
    public String detail;
    @Column(nullable = false)
    public String reason;
    @Column(name = "overridden_by", nullable = false)
    public String overriddenBy;
    @Column(name = "overridden_at", nullable = false)
    public Instant overriddenAt;
}

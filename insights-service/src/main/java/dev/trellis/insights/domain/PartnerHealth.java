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

/** A partner's health as last computed ({@link HealthRules}), with its reasons as a JSON array. */
@Entity
@Table(name = "partner_health")
public class PartnerHealth extends PanacheEntityBase {
    @Id
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(nullable = false)
    public int score;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String reasons;
    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
    /** The membership's end, for the renewal-window filter; null without a membership. */
    @Column(name = "renewal_on")
    public LocalDate renewalOn;
}

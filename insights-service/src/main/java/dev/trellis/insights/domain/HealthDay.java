package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** A partner's health score on one day: the last one computed that day. The trend is made of these. */
@Entity
@Table(name = "partner_health_day")
public class HealthDay extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(nullable = false)
    public int score;

    @Embeddable
    public record Key(@Column(name = "partner_id") UUID partnerId, @Column(name = "day") LocalDate day) implements Serializable {
    }
}

package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A next step of a partner's touchpoint as partner-service's next-step-changed describes it: due when, done or not. */
@Entity
@Table(name = "next_step")
public class NextStepView extends PanacheEntityBase {
    @Id
    @Column(name = "next_step_id")
    public UUID nextStepId;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;
    @Column(nullable = false)
    public boolean done;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

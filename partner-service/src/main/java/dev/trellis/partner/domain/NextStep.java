package dev.trellis.partner.domain;

import dev.trellis.platform.audit.AuditMasked;
import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A next step agreed at a touchpoint: who does what by when, and whether it is done. */
@AuditMasked("description")
@Entity
@Table(name = "next_step")
public class NextStep extends Timestamped {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "touchpoint_id", nullable = false)
    public Touchpoint touchpoint;
    @Column(nullable = false)
    public String description;
    /** A staff username. */
    @Column(nullable = false)
    public String owner;
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;
    @Column(nullable = false)
    public boolean done;
    @Column(name = "done_at")
    public Instant doneAt;
    @Version
    public long version;

    /** Sets the done flag; the moment it was done ({@code now}) is kept while it stays done and cleared when reopened. */
    public void markDone(boolean value, Instant now) {
        if (value && !done) {
            doneAt = now.truncatedTo(ChronoUnit.MICROS);
        } else if (!value) {
            doneAt = null;
        }
        done = value;
    }

    /** Not done and due before {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return !done && dueOn.isBefore(today);
    }
}

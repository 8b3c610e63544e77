package dev.trellis.insights.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A board seat as advisory-service's seat events describe it. */
@Entity
@Table(name = "seat_holding")
public class SeatHolding extends PanacheEntityBase {
    public static final String TIER_APPOINTED = "TIER_APPOINTED";

    @Id
    @Column(name = "seat_id")
    public UUID seatId;
    @Column(name = "board_id", nullable = false)
    public UUID boardId;
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "seat_kind", nullable = false)
    public String seatKind;
    @Column(name = "holder_contact_id")
    public UUID holderContactId;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "vacated_on")
    public LocalDate vacatedOn;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Held on {@code day}: started, not ended, not vacated. */
    public boolean heldOn(LocalDate day) {
        return (termStart == null || !day.isBefore(termStart)) && (termEnd == null || !day.isAfter(termEnd))
                && (vacatedOn == null || day.isBefore(vacatedOn));
    }
}

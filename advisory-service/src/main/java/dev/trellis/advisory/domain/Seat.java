package dev.trellis.advisory.domain;

import dev.trellis.platform.audit.AuditMasked;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.platform.persistence.Created;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A seat on a board held by a contact for a term, on behalf of a partner or in a personal capacity. */
@AuditMasked("vacateReason")
@Entity
@Table(name = "seat")
public class Seat extends Created {
    @Id
    public UUID id;
    @Column(name = "board_id", nullable = false)
    public UUID boardId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SeatKind kind;
    @Column(name = "holder_contact_id", nullable = false)
    public UUID holderContactId;
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "tier_basis")
    public String tierBasis;
    @Column(name = "term_start", nullable = false)
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "alternate_contact_id")
    public UUID alternateContactId;
    @Enumerated(EnumType.STRING)
    @Column(name = "voting_status", nullable = false)
    public VotingStatus votingStatus = VotingStatus.VOTING;
    /** First day the seat is vacant, when it was vacated before its term ended. */
    @Column(name = "vacated_on")
    public LocalDate vacatedOn;
    @Column(name = "vacate_reason")
    public String vacateReason;
    @Version
    public long version;

    /** The last day the seat is held: the term's end, or the day before it was vacated. */
    public LocalDate lastDay() {
        LocalDate beforeVacancy = vacatedOn == null ? null : vacatedOn.minusDays(1);
        if (termEnd == null) {
            return beforeVacancy;
        }
        return beforeVacancy == null || termEnd.isBefore(beforeVacancy) ? termEnd : beforeVacancy;
    }

    public boolean heldOn(LocalDate day) {
        LocalDate last = lastDay();
        return !termStart.isAfter(day) && (last == null || !last.isBefore(day));
    }

    /** Where the seat stands on {@code day} (the same rule as the list filter of {@code SeatQueries}). */
    public SeatStatus statusOn(LocalDate day) {
        if (vacatedOn != null && (!vacatedOn.isAfter(day) || !vacatedOn.isAfter(termStart))) {
            return SeatStatus.VACATED;
        }
        if (termStart.isAfter(day)) {
            return SeatStatus.UPCOMING;
        }
        return termEnd != null && termEnd.isBefore(day) ? SeatStatus.ENDED : SeatStatus.HELD;
    }

    /** Whether the seat was vacated before its term began, so it was never held. */
    public boolean neverHeld() {
        return vacatedOn != null && !vacatedOn.isAfter(termStart);
    }

    /** The seat as the policy sees it; {@code employers} as in {@link Holding}. Not for {@link #neverHeld()} seats. */
    public Holding holding(Set<UUID> employers) {
        return new Holding(id, kind, holderContactId, partnerId, tierBasis, termStart, lastDay(), employers);
    }
}

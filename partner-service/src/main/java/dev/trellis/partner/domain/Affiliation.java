package dev.trellis.partner.domain;

import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/** A contact's dated role at a partner. Ended, never deleted: the history is what seats are checked against. */
@Entity
@Table(name = "affiliation")
public class Affiliation extends Timestamped {
    @Id
    public UUID id;
    @Column(name = "contact_id", nullable = false)
    public UUID contactId;
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AffiliationRole role;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AffiliationSource source;
    @Version
    public long version;

    public static Affiliation start(UUID contactId, UUID partnerId, AffiliationRole role, LocalDate startDate,
            AffiliationSource source) {
        Affiliation affiliation = new Affiliation();
        affiliation.id = UUID.randomUUID();
        affiliation.contactId = contactId;
        affiliation.partnerId = partnerId;
        affiliation.role = role;
        affiliation.startDate = DateRange.openFrom(startDate).start();
        affiliation.source = source;
        return affiliation;
    }

    public DateRange period() {
        return new DateRange(startDate, endDate);
    }

    public boolean isCurrentOn(LocalDate day) {
        return period().contains(day);
    }

    /** Ends the affiliation on {@code lastDay}, if {@code by} may change it (an import never overrides a manual edit). */
    public void end(LocalDate lastDay, AffiliationSource by) {
        apply(period().endingOn(lastDay), by);
    }

    /** Ends the affiliation the day before the contact moved to another employer. */
    public void endForMove(LocalDate moveDate, AffiliationSource by) {
        apply(period().endingBeforeMove(moveDate), by);
    }

    /**
     * The contact was erased on {@code day}: an affiliation still running after that day ends on it (one that
     * would only start later ends on its first day, the earliest end it can have), whatever its source, since
     * erasure overrides imports as well. Answers whether it changed.
     */
    public boolean endForErasure(LocalDate day) {
        if (endDate != null && !endDate.isAfter(day)) {
            return false;
        }
        endDate = startDate.isAfter(day) ? startDate : day;
        source = AffiliationSource.MANUAL;
        return true;
    }

    /**
     * The affiliation's history does not allow the change (409 {@code affiliation-conflict}): it ended already,
     * overlaps the same role at the same partner, or was set manually and an import tried to change it.
     */
    public static StateConflict conflict(String detail) {
        return StateConflict.of("affiliation-conflict", "Affiliation conflict", detail);
    }

    private void apply(DateRange ended, AffiliationSource by) {
        if (!source.yieldsTo(by)) {
            throw conflict("The affiliation was set manually; an import does not change it");
        }
        endDate = ended.end();
        // Once someone edited it by hand, later imports must leave it alone.
        source = by == AffiliationSource.MANUAL ? AffiliationSource.MANUAL : source;
    }
}

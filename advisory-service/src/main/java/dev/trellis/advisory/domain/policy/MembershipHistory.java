package dev.trellis.advisory.domain.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A partner's membership changes as partner-service announced them, in the order they were recorded,
 * read for any day:
 * <ul>
 * <li>the <b>tier</b> on a day is the tier of the change in effect by then: the latest effective date
 * not after the day (a tier change recorded for 1 January is not the tier before it);</li>
 * <li>the <b>status</b> on a day follows from the term of the latest change recorded among those in
 * effect by then: PENDING before the term starts, NEW for its first {@value #NEW_MEMBER_MONTHS}
 * months, CURRENT to its last day, then GRACE for the grace days and EXPIRED after; a membership that
 * renews automatically rolls over at its term's end, so it stays CURRENT. The status partner-service
 * last reported is used only for a change without dates (one assumed before dates were kept).</li>
 * </ul>
 * Before its first change in effect a partner has no membership.
 */
public record MembershipHistory(List<Change> changes) {
    public static final int NEW_MEMBER_MONTHS = 3;

    /**
     * One change: from {@code effectiveDate}, the membership has {@code tier} and this term.
     * {@code sequence} orders changes as they were recorded. {@code termStart}/{@code termEnd} are null
     * when the change is not known by its dates; {@code reportedStatus} then tells the status.
     */
    public record Change(long sequence, LocalDate effectiveDate, String tier, LocalDate termStart, LocalDate termEnd,
            int graceDays, boolean autoRenew, MembershipStatus reportedStatus) {
        public Change {
            if (effectiveDate == null) {
                throw new IllegalArgumentException("a membership change has an effective date");
            }
            graceDays = Math.max(0, graceDays);
        }

        /** The status of this change's term on {@code day}. */
        public MembershipStatus statusOn(LocalDate day) {
            if (termStart == null || termEnd == null) {
                return reportedStatus == null ? MembershipStatus.CURRENT : reportedStatus;
            }
            if (day.isBefore(termStart)) {
                return MembershipStatus.PENDING;
            }
            if (!day.isAfter(termEnd)) {
                return day.isBefore(termStart.plusMonths(NEW_MEMBER_MONTHS)) ? MembershipStatus.NEW : MembershipStatus.CURRENT;
            }
            if (autoRenew) {
                return MembershipStatus.CURRENT;
            }
            return day.isAfter(termEnd.plusDays(graceDays)) ? MembershipStatus.EXPIRED : MembershipStatus.GRACE;
        }
    }

    public static final MembershipHistory NONE = new MembershipHistory(List.of());

    public MembershipHistory {
        changes = changes.stream().sorted(Comparator.comparingLong(Change::sequence)).toList();
    }

    /** The tier on {@code day}; null before the first change in effect (or if that change names none). */
    public String tierOn(LocalDate day) {
        return inEffect(day).max(Comparator.comparing(Change::effectiveDate).thenComparingLong(Change::sequence))
                .map(Change::tier).orElse(null);
    }

    /** The status on {@code day}; empty before the first change in effect. */
    public Optional<MembershipStatus> statusOn(LocalDate day) {
        return inEffect(day).max(Comparator.comparingLong(Change::sequence)).map(c -> c.statusOn(day));
    }

    /** Whether the partner is a current member on {@code day}: a tier, and a status that is new, current or grace. */
    public boolean memberOn(LocalDate day) {
        return tierOn(day) != null && statusOn(day).map(MembershipStatus::current).orElse(false);
    }

    private java.util.stream.Stream<Change> inEffect(LocalDate day) {
        return changes.stream().filter(c -> !c.effectiveDate().isAfter(day));
    }
}

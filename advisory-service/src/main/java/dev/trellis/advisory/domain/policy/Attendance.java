package dev.trellis.advisory.domain.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Applies an {@link AttendanceRule} to a seat holder's attendance record. */
public final class Attendance {
    public static final String MISSED_IN_A_ROW = "MISSED_CONSECUTIVE_MEETINGS";
    public static final String BELOW_SHARE = "ATTENDANCE_BELOW_SHARE";

    private Attendance() {
    }

    /** One meeting's attendance of one holder. */
    public record Mark(LocalDate date, Presence presence) {
    }

    /** Whether the holder may vote after the meetings so far, and if not why. */
    public record Standing(boolean suspended, String reasonCode, String reason) {
        static final Standing VOTING = new Standing(false, null, null);
    }

    /**
     * The standing after the given meetings (in any order), judged on {@code asOf} for the rolling
     * share. A null rule never suspends.
     */
    public static Standing standing(AttendanceRule rule, List<Mark> marks, LocalDate asOf) {
        if (rule == null) {
            return Standing.VOTING;
        }
        List<Mark> sorted = marks.stream().sorted(Comparator.comparing(Mark::date)).toList();
        if (rule.suspendAfterMissed() != null && suspendedInARow(rule, sorted)) {
            return new Standing(true, MISSED_IN_A_ROW, "Missed " + rule.suspendAfterMissed()
                    + " meetings in a row; voting returns after " + rule.restoreAfterAttended() + " attended in a row");
        }
        if (rule.minShare() != null) {
            LocalDate from = asOf.minusDays(rule.windowDays());
            List<Mark> window = sorted.stream().filter(m -> m.date().isAfter(from) && !m.date().isAfter(asOf)).toList();
            long attended = window.stream().filter(m -> attended(rule, m)).count();
            if (!window.isEmpty() && !rule.minShare().reachedBy(attended, window.size())) {
                return new Standing(true, BELOW_SHARE, "Attended " + attended + " of " + window.size()
                        + " meetings in the last " + rule.windowDays() + " days; at least " + rule.minShare() + " are needed");
            }
        }
        return Standing.VOTING;
    }

    private static boolean suspendedInARow(AttendanceRule rule, List<Mark> sorted) {
        boolean suspended = false;
        int missed = 0;
        int attended = 0;
        for (Mark mark : sorted) {
            if (attended(rule, mark)) {
                attended++;
                missed = 0;
            } else {
                missed++;
                attended = 0;
            }
            if (!suspended && missed >= rule.suspendAfterMissed()) {
                suspended = true;
            } else if (suspended && attended >= rule.restoreAfterAttended()) {
                suspended = false;
            }
        }
        return suspended;
    }

    private static boolean attended(AttendanceRule rule, Mark mark) {
        return mark.presence() == Presence.PRESENT || (mark.presence() == Presence.ALTERNATE && rule.alternateCounts());
    }
}

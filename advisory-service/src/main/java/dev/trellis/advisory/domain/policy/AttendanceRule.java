package dev.trellis.advisory.domain.policy;

/**
 * When a voting member loses and regains the vote by attendance. {@code suspendAfterMissed} meetings
 * missed in a row suspend voting until {@code restoreAfterAttended} meetings in a row are attended
 * (CNCF TOC: 3 and 2). Independently, {@code minShare} of the meetings within the last
 * {@code windowDays} days must be attended (FINOS: 1/2 over a quarter, 91 days). A meeting where the
 * alternate stood in counts as attended when {@code alternateCounts}.
 */
public record AttendanceRule(Integer suspendAfterMissed, Integer restoreAfterAttended, Fraction minShare,
        Integer windowDays, boolean alternateCounts) {
    public AttendanceRule {
        if (suspendAfterMissed != null && suspendAfterMissed < 1) {
            throw new IllegalArgumentException("suspendAfterMissed must be positive");
        }
        restoreAfterAttended = suspendAfterMissed == null ? null : restoreAfterAttended == null ? 1 : restoreAfterAttended;
        if (restoreAfterAttended != null && restoreAfterAttended < 1) {
            throw new IllegalArgumentException("restoreAfterAttended must be positive");
        }
        if ((minShare == null) != (windowDays == null) || (windowDays != null && windowDays < 1)) {
            throw new IllegalArgumentException("minShare and windowDays go together");
        }
    }

    public static AttendanceRule consecutive(int missed, int attended) {
        return new AttendanceRule(missed, attended, null, null, true);
    }

    public static AttendanceRule share(Fraction minShare, int windowDays) {
        return new AttendanceRule(null, null, minShare, windowDays, true);
    }
}

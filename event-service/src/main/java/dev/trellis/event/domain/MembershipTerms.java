package dev.trellis.event.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner's membership as one of partner-service's membership-changed events left it, in force from
 * {@code effectiveDate} on. Plain rules over dates: every rule takes the day it is asked about.
 *
 * @param graceDays days after {@code termEnd} in grace
 * @param autoRenew an auto-renewing membership rolls over at its term end instead of going into grace
 */
public record MembershipTerms(String tier, LocalDate termStart, LocalDate termEnd, int graceDays, boolean autoRenew,
        LocalDate effectiveDate) {

    public MembershipTerms {
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(termEnd, "termEnd");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
    }

    /**
     * The standing on {@code day} by these terms' dates: PENDING before the start, CURRENT to the end (and after
     * it, for an auto-renewing membership), GRACE for {@code graceDays} days after the end, EXPIRED after that.
     * Whether these terms are in force on that day is {@link #inForce}'s question.
     */
    public MembershipStanding standingOn(LocalDate day) {
        if (day.isBefore(termStart)) {
            return MembershipStanding.PENDING;
        }
        if (!day.isAfter(termEnd) || autoRenew) {
            return MembershipStanding.CURRENT;
        }
        return day.isAfter(lastGraceDay()) ? MembershipStanding.EXPIRED : MembershipStanding.GRACE;
    }

    public LocalDate lastGraceDay() {
        return termEnd.plusDays(Math.max(graceDays, 0));
    }

    /** Whether a change that took effect on {@code effectiveDate} has taken effect by {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveDate);
    }

    /**
     * Whether these terms, received after {@code earlier}, make it obsolete: they take effect no later than it
     * does, so on every day the earlier would apply these apply instead (they describe the membership after a
     * later change). An earlier change with an earlier effective date still applies until these take effect.
     */
    public boolean supersede(MembershipTerms earlier) {
        return !effectiveDate.isAfter(earlier.effectiveDate);
    }

    /**
     * The terms in force on {@code day}, from a partner's history in which none supersedes another: the one with
     * the latest effective date that has come. A change with a future effective date is not in force yet.
     */
    public static Optional<MembershipTerms> inForce(Collection<MembershipTerms> history, LocalDate day) {
        return history.stream().filter(t -> t.inForceOn(day)).max(Comparator.comparing(MembershipTerms::effectiveDate));
    }

    /** The standing on {@code day} of a partner with this history; NONE when no terms are in force. */
    public static MembershipStanding standing(Collection<MembershipTerms> history, LocalDate day) {
        return inForce(history, day).map(t -> t.standingOn(day)).orElse(MembershipStanding.NONE);
    }
}

package dev.trellis.partner.domain;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.StateConflict;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The membership lifecycle (CiviCRM's CiviMember model) as plain rules over dates; no framework, no
 * clock: every rule takes the day it is asked about.
 *
 * <ul>
 * <li>PENDING before {@code termStart}; NEW from {@code termStart} for {@code newMemberMonths} months;
 * CURRENT after that up to and including {@code termEnd}; GRACE for {@code graceDays} days after
 * {@code termEnd}; EXPIRED after that.</li>
 * <li>A renewal adds whole months to the end date. While the membership is not expired it continues
 * the same term (the start, and so the NEW window, stay); after expiry it starts a new term on the
 * renewal day, which is NEW again.</li>
 * <li>An end date that is the last day of its month stays the last day of a month when months are
 * added: a term ending 2023-02-28 renewed by 12 months ends 2024-02-29, not 2024-02-28.</li>
 * <li>A tier change takes effect on its effective date (today or later); until then the old tier
 * applies.</li>
 * <li>An auto-renewing membership rolls over into its next term at term end, so it is never in GRACE nor
 * EXPIRED: its status on a day is right whenever it is read ({@link #asOf}), whether or not the sweep has
 * recorded the renewal yet.</li>
 * </ul>
 *
 * <p>A bad value in the request is an {@link InvalidInput} naming the field; a request the membership's
 * current state does not allow is a {@link StateConflict} {@code membership-state}.
 */
public final class MembershipRules {
    public static final int MAX_GRACE_DAYS = 365;
    public static final int MAX_RENEWAL_MONTHS = 120;

    private final int newMemberMonths;

    public MembershipRules(int newMemberMonths) {
        if (newMemberMonths < 0) {
            throw new IllegalArgumentException("newMemberMonths must not be negative");
        }
        this.newMemberMonths = newMemberMonths;
    }

    /** The status on {@code on}, by the rule every service shares ({@link MembershipTerms#statusOn}). */
    public MembershipStatus status(MembershipTerms terms, LocalDate on) {
        return MembershipStatus.valueOf(terms.statusOn(on, newMemberMonths).name());
    }

    public LocalDate lastGraceDay(MembershipTerms terms) {
        return terms.lastGraceDay();
    }

    /** The tier that applies on {@code on}: the pending one from its effective date, the old one before. */
    public String tierOn(MembershipTerms terms, LocalDate on) {
        return terms.tierOn(on);
    }

    /** The tier change still to come as seen on {@code on}, if any. */
    public Optional<MembershipTerms> pendingOn(MembershipTerms terms, LocalDate on) {
        return terms.pendingTier() != null && !terms.pendingTakenEffectBy(on) ? Optional.of(terms) : Optional.empty();
    }

    /** Folds a tier change whose effective date has come into the tier; the terms unchanged otherwise. */
    public MembershipTerms settle(MembershipTerms terms, LocalDate on) {
        return terms.settledOn(on);
    }

    /**
     * The terms as they stand on {@code on}: a tier change that has taken effect folded in, and an
     * auto-renewing membership rolled over (by {@code autoRenewMonths} at a time) into the term {@code on}
     * falls in. What a read shows; the sweep records the same renewal later ({@link #autoRenewal}).
     */
    public MembershipTerms asOf(MembershipTerms terms, LocalDate on, int autoRenewMonths) {
        MembershipTerms settled = settle(terms, on);
        return autoRenewal(settled, on, autoRenewMonths).orElse(settled);
    }

    /**
     * The first day on which a term starting on or after it is still NEW on {@code today}: a term started on
     * {@code s} is NEW on {@code today} exactly when {@code s >= firstNewStart(today)} (and it has started).
     * For queries that cannot add months to a column the way {@link LocalDate#plusMonths} does.
     */
    public LocalDate firstNewStart(LocalDate today) {
        LocalDate start = today.minusMonths(newMemberMonths);
        while (!start.plusMonths(newMemberMonths).isAfter(today)) {
            start = start.plusDays(1);
        }
        return start;
    }

    /** A first membership, or one that replaces an expired one. */
    public MembershipTerms start(String tier, LocalDate termStart, LocalDate termEnd, boolean autoRenew, int graceDays) {
        if (termEnd.isBefore(termStart)) {
            throw InvalidInput.field("termEnd", "must not be before termStart");
        }
        requireGraceDays(graceDays);
        return new MembershipTerms(tier, null, null, termStart, termEnd, autoRenew, graceDays);
    }

    /** Whether a new membership may replace this one on {@code today}: only once it has expired. */
    public boolean replaceable(MembershipTerms terms, LocalDate today) {
        return status(terms, today) == MembershipStatus.EXPIRED;
    }

    /** A renewal by {@code months}, recorded on {@code today}. */
    public Renewal renew(MembershipTerms terms, LocalDate today, int months) {
        if (months < 1 || months > MAX_RENEWAL_MONTHS) {
            throw InvalidInput.field("months", "must be between 1 and " + MAX_RENEWAL_MONTHS);
        }
        MembershipTerms settled = settle(terms, today);
        if (status(settled, today) == MembershipStatus.EXPIRED) {
            return new Renewal(settled.withTerm(today, today.plusMonths(months).minusDays(1)), true);
        }
        return new Renewal(settled.withTerm(settled.termStart(), extend(settled.termEnd(), months)), false);
    }

    /** The result of a renewal: the new terms, and whether they started a new term rather than continue. */
    public record Renewal(MembershipTerms terms, boolean newTerm) {
    }

    /**
     * An automatic renewal due on {@code on}: for an auto-renewing membership past its end date, the end
     * moves on by {@code months} as often as needed to cover {@code on} (a sweep that missed several
     * terms catches up in one step). Empty when nothing is due.
     */
    public Optional<MembershipTerms> autoRenewal(MembershipTerms terms, LocalDate on, int months) {
        if (!terms.autoRenew() || !on.isAfter(terms.termEnd()) || months < 1) {
            return Optional.empty();
        }
        LocalDate end = terms.termEnd();
        while (end.isBefore(on)) {
            end = extend(end, months);
        }
        return Optional.of(terms.withTerm(terms.termStart(), end));
    }

    /** Schedules a tier change; a change still pending is replaced, one already in effect is kept. */
    public MembershipTerms changeTier(MembershipTerms terms, LocalDate today, String tier, LocalDate effective) {
        if (effective.isBefore(today)) {
            throw InvalidInput.field("effectiveDate", "must be today or later");
        }
        MembershipTerms settled = settle(terms, today);
        if (status(settled, today) == MembershipStatus.EXPIRED) {
            throw stateConflict("An expired membership cannot change tier; start a new one");
        }
        if (tier.equals(tierOn(settled, effective)) && settled.pendingTier() == null) {
            throw InvalidInput.field("tier", "is already the tier on " + effective);
        }
        MembershipTerms scheduled = new MembershipTerms(settled.tier(), tier, effective, settled.termStart(),
                settled.termEnd(), settled.autoRenew(), settled.graceDays());
        return settle(scheduled, today);
    }

    /**
     * Ends the membership on {@code endDate}: it becomes the last day of the term, with no grace and no
     * automatic renewal, so the membership is EXPIRED the day after.
     */
    public MembershipTerms end(MembershipTerms terms, LocalDate today, LocalDate endDate) {
        MembershipTerms settled = settle(terms, today);
        if (status(settled, today) == MembershipStatus.EXPIRED) {
            throw stateConflict("The membership has already expired");
        }
        if (endDate.isBefore(settled.termStart())) {
            throw InvalidInput.field("endDate", "must not be before the term start " + settled.termStart());
        }
        if (endDate.isAfter(settled.termEnd())) {
            throw InvalidInput.field("endDate", "must not be after the term end " + settled.termEnd()
                    + "; renew to extend a membership");
        }
        return new MembershipTerms(settled.tier(), settled.pendingTier(), settled.pendingTierEffective(),
                settled.termStart(), endDate, false, 0);
    }

    /** Adds months to an end date, keeping an end of month an end of month (leap years included). */
    public static LocalDate extend(LocalDate end, int months) {
        LocalDate moved = end.plusMonths(months);
        if (end.getDayOfMonth() == YearMonth.from(end).lengthOfMonth()) {
            return YearMonth.from(moved).atEndOfMonth();
        }
        return moved;
    }

    private static void requireGraceDays(int graceDays) {
        if (graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
            throw InvalidInput.field("graceDays", "must be between 0 and " + MAX_GRACE_DAYS);
        }
    }

    private static StateConflict stateConflict(String detail) {
        return StateConflict.of("membership-state", "Not possible in the membership's state", detail);
    }
}

package dev.trellis.advisory.domain.policy;

import java.util.Set;

/**
 * At most {@code maxSeats} seats, or at most the {@code maxShare} of the seats (rounded down), of the
 * given kinds (all kinds if empty) held on behalf of one company group or organisation. A seat counts
 * for the group of its holder's current employer, else of the partner it is held for, so a change of
 * employer re-checks the cap (CNCF TOC).
 */
public record CompanyCap(CapScope scope, Integer maxSeats, Fraction maxShare, Set<SeatKind> kinds) {
    public CompanyCap {
        scope = scope == null ? CapScope.COMPANY_GROUP : scope;
        if ((maxSeats == null) == (maxShare == null)) {
            throw new IllegalArgumentException("a cap sets either maxSeats or maxShare");
        }
        if (maxSeats != null && maxSeats < 0) {
            throw new IllegalArgumentException("maxSeats must not be negative");
        }
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public static CompanyCap perGroup(int maxSeats) {
        return new CompanyCap(CapScope.COMPANY_GROUP, maxSeats, null, Set.of());
    }

    public static CompanyCap perOrganisation(int maxSeats) {
        return new CompanyCap(CapScope.ORGANISATION, maxSeats, null, Set.of());
    }

    /** The stable rule id of this cap, the suffix of its problem type. */
    public String rule() {
        return (scope == CapScope.COMPANY_GROUP ? "company-group" : "organisation") + (maxShare == null ? "-cap" : "-share-cap");
    }

    public boolean covers(SeatKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** The most seats one company may hold, given the number of seats the cap covers. */
    public int limit(int coveredSeats) {
        return maxSeats != null ? maxSeats : maxShare.floorOf(coveredSeats);
    }
}

package dev.trellis.event.domain;

/**
 * Where a partner's membership stands on a given day, derived from the dates of the membership in force that day
 * ({@link MembershipTerms#standingOn}). Only a member (current or in grace) may be confirmed as a sponsor.
 */
public enum MembershipStanding {
    /** No membership is known, or none is in force yet on that day (its change takes effect later). */
    NONE,
    /** The term has not started yet. */
    PENDING,
    /** Within the term, or past its end with automatic renewal (it rolls over). partner-service's NEW is this too. */
    CURRENT,
    /** After the term end, within the grace days. */
    GRACE,
    /** After the grace days. */
    EXPIRED;

    /** Current or in grace: a member in good standing. */
    public boolean member() {
        return this == CURRENT || this == GRACE;
    }
}

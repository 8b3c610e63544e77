package dev.trellis.advisory.domain.policy;

/** A membership's status on a day, derived from its dates (CiviMember's model, as partner-service's). */
public enum MembershipStatus {
    /** The term has not started. */
    PENDING,
    /** The first months of a term. */
    NEW,
    CURRENT,
    /** After the term's end, within the grace days. */
    GRACE,
    EXPIRED;

    /** A current member: new, current or in grace. */
    public boolean current() {
        return this == NEW || this == CURRENT || this == GRACE;
    }
}

package dev.trellis.contracts.partner;

/** Status of a membership, derived from its dates (CiviMember's model). */
public enum MembershipStatus {
    /** The term has not started yet. */
    PENDING,
    /** Within the first months of a first term. */
    NEW,
    /** Within the term. */
    CURRENT,
    /** After the term end, within the grace period. */
    GRACE,
    /** After the grace period. */
    EXPIRED;

    /** A member in good standing: new, current or in grace. */
    public boolean member() {
        return this == NEW || this == CURRENT || this == GRACE;
    }
}

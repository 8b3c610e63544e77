package dev.trellis.partner.domain;

/** Where a membership stands on a given day; always derived from its dates, never stored as truth. */
public enum MembershipStatus {
    /** Before the first day of the term. */
    PENDING,
    /** The first months of a term that did not continue an earlier one. */
    NEW,
    /** Within the term, after the "new" months, up to and including the end date. */
    CURRENT,
    /** After the end date, for the grace days. */
    GRACE,
    /** After the grace days. */
    EXPIRED
}

package dev.trellis.advisory.domain;

/** Where a seat stands on a day. */
public enum SeatStatus {
    /** The term has not begun. */
    UPCOMING,
    /** Held on the day. */
    HELD,
    /** The term ran to its end. */
    ENDED,
    /** Vacated before its term ended (or before it began). */
    VACATED
}

package dev.trellis.contracts.advisory;

/** A seat holder's attendance at a board meeting. */
public enum AttendanceStatus {
    PRESENT,
    ABSENT,
    /** Absent, but represented by their alternate. */
    ALTERNATE
}

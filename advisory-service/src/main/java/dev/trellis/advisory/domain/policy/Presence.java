package dev.trellis.advisory.domain.policy;

/** A seat holder's attendance at one meeting. */
public enum Presence {
    PRESENT,
    ABSENT,
    /** Absent, but represented by their alternate. */
    ALTERNATE
}

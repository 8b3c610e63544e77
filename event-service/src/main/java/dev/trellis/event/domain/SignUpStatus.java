package dev.trellis.event.domain;

/** Where a public sign-up stands. */
public enum SignUpStatus {
    /** Waiting for its address to be confirmed; takes no seat, and expires. */
    PENDING,
    /** Confirmed: it became a registration (or found the address registered already). */
    CONFIRMED,
    /** The address was registered already: the mail said so, and there is nothing to confirm. */
    NOTICE
}

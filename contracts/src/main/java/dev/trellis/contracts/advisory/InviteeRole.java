package dev.trellis.contracts.advisory;

/** How an invitee relates to the seat they are invited for. */
public enum InviteeRole {
    /** Holds the seat. */
    HOLDER,
    /** Stands in for the holder when the holder cannot attend. */
    ALTERNATE
}

package dev.trellis.advisory.domain.policy;

/** How a board seat is filled. */
public enum SeatKind {
    /** Appointed by a member because of its tier (e.g. one per Platinum member). */
    TIER_APPOINTED,
    ELECTED,
    /** Held because of another office. */
    EX_OFFICIO,
    /** Represents the community rather than a member. */
    COMMUNITY
}

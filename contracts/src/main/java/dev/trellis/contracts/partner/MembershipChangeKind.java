package dev.trellis.contracts.partner;

/** What happened to a membership in a {@link MembershipChanged} event. */
public enum MembershipChangeKind {
    STARTED,
    RENEWED,
    TIER_CHANGED,
    STATUS_CHANGED,
    ENDED
}

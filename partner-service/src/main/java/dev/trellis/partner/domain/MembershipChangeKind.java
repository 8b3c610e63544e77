package dev.trellis.partner.domain;

/** What happened to a membership, as its history records it. */
public enum MembershipChangeKind {
    STARTED, RENEWED, TIER_CHANGED, ENDED, STATUS_CHANGED
}

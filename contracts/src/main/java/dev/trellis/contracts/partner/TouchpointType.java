package dev.trellis.contracts.partner;

/** The kind of contact the community team logged with a partner. */
public enum TouchpointType {
    CALL,
    MEETING,
    BUSINESS_REVIEW,
    CONFERENCE_CONVERSATION,
    EMAIL
}

package dev.trellis.partner.domain;

/** The kind of contact the community team had with a partner. */
public enum TouchpointType {
    CALL, MEETING, BUSINESS_REVIEW, CONFERENCE_CONVERSATION, EMAIL
}

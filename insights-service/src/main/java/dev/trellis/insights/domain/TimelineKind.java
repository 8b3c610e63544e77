package dev.trellis.insights.domain;

/** What happened with a partner, as one line of its engagement timeline. */
public enum TimelineKind {
    /** The community team logged a meeting (type and date only; notes never leave partner-service). */
    TOUCHPOINT,
    /** The membership started, was renewed, changed tier or status, or ended. */
    MEMBERSHIP,
    SEAT_ASSIGNED,
    SEAT_VACATED,
    SEAT_FLAGGED,
    /** A seat holder of the partner was at a board meeting (or represented by an alternate). */
    MEETING_ATTENDED,
    MEETING_MISSED,
    VOTING_SUSPENDED,
    VOTING_RESTORED,
    /** One of the partner's people registered for (or was waitlisted at, or cancelled) an event. */
    REGISTRATION,
    ATTENDED,
    NO_SHOW,
    SPONSORED
}

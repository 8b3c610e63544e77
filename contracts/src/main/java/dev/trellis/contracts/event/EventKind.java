package dev.trellis.contracts.event;

/** Kind of a foundation event. */
public enum EventKind {
    CONFERENCE,
    SUMMIT,
    /** A user-group (chapter) meetup. */
    MEETUP,
    WEBINAR,
    WORKSHOP
}

package dev.trellis.event.domain;

public enum EventKind {
    CONFERENCE, SUMMIT, MEETUP, WEBINAR, WORKSHOP
}

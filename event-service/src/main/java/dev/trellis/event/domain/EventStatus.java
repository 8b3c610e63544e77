package dev.trellis.event.domain;

public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED
}

package dev.trellis.event.domain;

public enum SponsorshipStatus {
    PROPOSED, CONFIRMED, CANCELLED
}

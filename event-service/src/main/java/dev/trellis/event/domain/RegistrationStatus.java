package dev.trellis.event.domain;

public enum RegistrationStatus {
    REGISTERED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW;

    /** Holds a seat: registered, or already checked in. */
    public boolean holdsSeat() {
        return this == REGISTERED || this == ATTENDED;
    }
}

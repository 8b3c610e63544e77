package dev.trellis.contracts.event;

/**
 * Status of an event registration. Whether the registrant actually came (attended, no-show) is
 * not a registration status here: it is reported by {@link AttendanceRecorded}.
 */
public enum RegistrationStatus {
    REGISTERED,
    WAITLISTED,
    CANCELLED
}

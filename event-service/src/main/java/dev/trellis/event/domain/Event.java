package dev.trellis.event.domain;

import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A conference, summit, meetup, webinar or workshop. */
@Entity
@Table(name = "event")
public class Event extends Timestamped {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventKind kind;
    @Column(nullable = false)
    public String title;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    /** IANA zone the event is held in; times are shown in it. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status;
    @Column(length = 5000)
    public String description;
    /** Where it is held, for an event in person; null for an online-only event. */
    public String venue;
    /** Where to join, for an online event; a public http(s) URL. */
    @Column(name = "online_url")
    public String onlineUrl;
    /** Seats; null means no limit. */
    public Integer capacity;
    @Column(name = "registration_opens_at")
    public Instant registrationOpensAt;
    @Column(name = "registration_closes_at")
    public Instant registrationClosesAt;
    @Column(name = "user_group_id")
    public UUID userGroupId;
    /** Anyone may sign up, without an account, confirming their address by mail (SignUpService). */
    @Column(name = "public_sign_up", nullable = false)
    public boolean publicSignUp;
    @Version
    public long version;

    /** Whether registrations are accepted at {@code now}: published, not over, and inside the window. */
    public boolean registrationOpen(Instant now) {
        return status == EventStatus.PUBLISHED && now.isBefore(endsAt)
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (registrationClosesAt == null || now.isBefore(registrationClosesAt));
    }

    /** @throws RuleViolation {@code registration-closed} unless registrations are accepted at {@code now} */
    public void requireRegistrationOpen(Instant now) {
        if (!registrationOpen(now)) {
            throw RuleViolation.of("registration-closed", "Registration closed", "Registration for this event is not open"
                    + (status == EventStatus.PUBLISHED ? " at this time (see its registration window)" : ""));
        }
    }

    /**
     * @throws RuleViolation {@code public-sign-up-not-allowed} unless staff allowed public sign-up for this event; the
     *                       registration window is checked apart ({@link #requireRegistrationOpen})
     */
    public void requirePublicSignUp() {
        if (!publicSignUp) {
            throw RuleViolation.of("public-sign-up-not-allowed", "Public sign-up not allowed",
                    "This event takes registrations from the community team and partners only");
        }
    }

    /** @throws StateConflict {@code check-in-closed} unless the event is published */
    public void requireCheckInOpen() {
        if (status != EventStatus.PUBLISHED) {
            throw StateConflict.of("check-in-closed", "Check-in closed",
                    "Check-in is open for published events only; this one is " + status);
        }
    }

    /** When the door opens for check-in: {@code opensBefore} ahead of the start. */
    public Instant checkInOpensAt(Duration opensBefore) {
        return startsAt.minus(opensBefore);
    }

    /** Whether check-in has opened by {@code now}; it stays open after the event, for late sign-in sheets. */
    public boolean checkInOpen(Instant now, Duration opensBefore) {
        return !now.isBefore(checkInOpensAt(opensBefore));
    }

    /**
     * A rule of time, like the registration window (so 422, not 409): nobody is checked in days before the event.
     *
     * @throws RuleViolation {@code check-in-not-open} before {@link #checkInOpensAt}
     */
    public void requireCheckInTime(Instant now, Duration opensBefore) {
        if (!checkInOpen(now, opensBefore)) {
            throw RuleViolation.of("check-in-not-open", "Check-in not open yet", "Check-in opens " + hours(opensBefore)
                    + " before the event starts, at " + checkInOpensAt(opensBefore) + "; it starts at " + startsAt);
        }
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    /** @throws StateConflict {@code event-closed} once the event is cancelled or completed */
    public void requireChangeable() {
        if (status == EventStatus.CANCELLED || status == EventStatus.COMPLETED) {
            throw StateConflict.of("event-closed", "Event closed", "A " + status + " event can no longer be changed");
        }
    }

    /** @throws RuleViolation {@code event-without-place}: a published event needs a venue or an online link */
    public void requirePlace() {
        if (venue == null && onlineUrl == null) {
            throw RuleViolation.of("event-without-place", "Event without a place",
                    "A published event needs a venue or an online link");
        }
    }

    /** @throws RuleViolation {@code event-not-started}: an event is completed once it has started */
    public void requireStarted(Instant now) {
        if (now.isBefore(startsAt)) {
            throw RuleViolation.of("event-not-started", "Event not started",
                    "An event can be completed once it has started");
        }
    }

    /** Moves to {@code target}. @throws StateConflict {@code status-transition} if the status does not allow it */
    public void moveTo(EventStatus target) {
        if (!status.canMoveTo(target)) {
            throw StateConflict.of("status-transition", "Status change not allowed",
                    "An event that is " + status + " cannot become " + target);
        }
        status = target;
    }
}

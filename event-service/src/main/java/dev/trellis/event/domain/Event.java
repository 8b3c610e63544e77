package dev.trellis.event.domain;

import dev.trellis.platform.persistence.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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
    @Version
    public long version;

    /** Whether registrations are accepted at {@code now}: published, not over, and inside the window. */
    public boolean registrationOpen(Instant now) {
        return status == EventStatus.PUBLISHED && now.isBefore(endsAt)
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (registrationClosesAt == null || now.isBefore(registrationClosesAt));
    }

    /** Moves to {@code target}. @throws EventRuleException if the status does not allow it */
    public void moveTo(EventStatus target) {
        if (!status.canMoveTo(target)) {
            throw new EventRuleException("status-transition", "An event that is " + status + " cannot become " + target);
        }
        status = target;
    }
}

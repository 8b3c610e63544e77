package dev.trellis.event.service.command;

import dev.trellis.event.domain.EventKind;
import java.time.Instant;
import java.util.UUID;

/** Everything about an event that its organisers set (not its status); {@code publicSignUp}: anyone may sign up. */
public record EventDetails(EventKind kind, String title, String description, Instant startsAt, Instant endsAt,
        String timeZone, String venue, String onlineUrl, Integer capacity, Instant registrationOpensAt,
        Instant registrationClosesAt, UUID userGroupId, boolean publicSignUp) {

    /** An event that takes no public sign-ups. */
    public EventDetails(EventKind kind, String title, String description, Instant startsAt, Instant endsAt,
            String timeZone, String venue, String onlineUrl, Integer capacity, Instant registrationOpensAt,
            Instant registrationClosesAt, UUID userGroupId) {
        this(kind, title, description, startsAt, endsAt, timeZone, venue, onlineUrl, capacity, registrationOpensAt,
                registrationClosesAt, userGroupId, false);
    }
}

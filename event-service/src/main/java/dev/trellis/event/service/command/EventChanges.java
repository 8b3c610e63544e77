package dev.trellis.event.service.command;

import dev.trellis.event.domain.EventKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A change of an event's details, as a {@code MergePatch<EventChanges>}: only the fields present change, a
 * present null clears one (kind, title, times, zone and publicSignUp cannot be cleared). The status has its own command.
 */
public record EventChanges(EventKind kind, String title, String description, Instant startsAt, Instant endsAt,
        String timeZone, String venue, String onlineUrl, Integer capacity, Instant registrationOpensAt,
        Instant registrationClosesAt, UUID userGroupId, Boolean publicSignUp) {
}

package dev.trellis.event.service;

import dev.trellis.event.config.EventConfig;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.messaging.out.EventMessages;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Check-in at the door: one registration, or a whole CSV of emails, and undoing it. Published events only, and
 * from {@code trellis.event.check-in-opens-before} ahead of the start (by the service's clock).
 */
@ApplicationScoped
public class CheckInService {

    /** What happened to one line of a bulk check-in. */
    public enum Outcome {
        CHECKED_IN, ALREADY, UNKNOWN, WAITLISTED, INVALID,
        /** Holds a seat, but check-in has not opened yet: not checked in. */
        NOT_OPEN
    }

    public record LineResult(int line, String email, Outcome outcome, UUID registrationId) {
    }

    private final EventService events;
    private final EventMessages messages;
    private final Clock clock;
    private final Duration opensBefore;

    public CheckInService(EventService events, EventMessages messages, Clock clock, EventConfig config) {
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.opensBefore = config.checkInOpensBefore();
    }

    /**
     * @throws StateConflict {@code check-in-closed} unless the event is published; {@code already-checked-in};
     *                       {@code not-registered} unless the registration holds a seat
     * @throws RuleViolation {@code check-in-not-open} before check-in opens
     */
    @Transactional
    public Registration checkIn(UUID eventId, UUID registrationId) {
        Event event = openEvent(eventId);
        Registration r = registration(eventId, registrationId);
        event.requireCheckInTime(Instant.now(clock), opensBefore);
        attend(r);
        return r;
    }

    /**
     * Checks in every email of a CSV (first column; a header line "email" and blank lines are skipped). Before
     * check-in opens nobody is checked in: each line holding a seat is reported {@link Outcome#NOT_OPEN}.
     *
     * @throws StateConflict {@code check-in-closed} unless the event is published
     */
    @Transactional
    public List<LineResult> checkInAll(UUID eventId, String csv) {
        Event event = openEvent(eventId);
        boolean open = event.checkInOpen(Instant.now(clock), opensBefore);
        List<LineResult> results = new ArrayList<>();
        String[] lines = csv == null ? new String[0] : csv.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String email = firstField(lines[i]);
            if (email.isEmpty() || (i == 0 && email.equalsIgnoreCase("email"))) {
                continue;
            }
            results.add(checkInLine(eventId, i + 1, email, open));
        }
        return results;
    }

    private LineResult checkInLine(UUID eventId, int line, String email, boolean open) {
        if (email.indexOf('@') <= 0 || email.length() > 254) {
            return new LineResult(line, email, Outcome.INVALID, null);
        }
        Optional<Registration> found = Registration.find("eventId = ?1 and lower(email) = ?2 and status <> ?3", eventId,
                email.toLowerCase(Locale.ROOT), RegistrationStatus.CANCELLED).firstResultOptional();
        if (found.isEmpty()) {
            return new LineResult(line, email, Outcome.UNKNOWN, null);
        }
        Registration r = found.get();
        Outcome outcome = switch (r.status) {
            case ATTENDED -> Outcome.ALREADY;
            case REGISTERED -> {
                if (!open) {
                    yield Outcome.NOT_OPEN;
                }
                attend(r);
                yield Outcome.CHECKED_IN;
            }
            case WAITLISTED -> Outcome.WAITLISTED;
            default -> Outcome.UNKNOWN;
        };
        return new LineResult(line, email, outcome, r.id);
    }

    /**
     * Undoes a check-in: the registration holds its seat again, not attended.
     *
     * @throws StateConflict {@code check-in-closed} unless the event is published; {@code not-checked-in}
     */
    @Transactional
    public Registration undo(UUID eventId, UUID registrationId) {
        openEvent(eventId);
        Registration r = registration(eventId, registrationId);
        r.undoCheckIn();
        messages.attendance(r, false);
        return r;
    }

    private void attend(Registration r) {
        r.checkIn(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        messages.attendance(r, true);
    }

    private Event openEvent(UUID eventId) {
        Event event = events.lock(eventId, Caller.SYSTEM);
        event.requireCheckInOpen();
        return event;
    }

    private static Registration registration(UUID eventId, UUID id) {
        return Registration.<Registration>findByIdOptional(id).filter(r -> r.eventId.equals(eventId))
                .orElseThrow(() -> NotFound.of("Registration", id));
    }

    private static String firstField(String line) {
        String field = line;
        int comma = line.indexOf(',');
        int semicolon = line.indexOf(';');
        int cut = comma < 0 ? semicolon : semicolon < 0 ? comma : Math.min(comma, semicolon);
        if (cut >= 0) {
            field = line.substring(0, cut);
        }
        field = field.strip();
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            field = field.substring(1, field.length() - 1).strip();
        }
        return field.startsWith("\uFEFF") ? field.substring(1) : field;
    }
}

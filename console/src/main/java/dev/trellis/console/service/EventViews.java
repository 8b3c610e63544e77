package dev.trellis.console.service;

import dev.trellis.console.api.EventsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Events for the community team: registrations with the waitlist, and check-in one by one or from a CSV. */
@ApplicationScoped
public class EventViews {

    private final EventsApi events;

    EventViews(@RestClient EventsApi events) {
        this.events = events;
    }

    /** Upcoming and recent events (from 30 days back), drafts included for the team. */
    public List<EventsApi.Event> upcoming() {
        return events.events(null, Instant.now().minus(30, ChronoUnit.DAYS).toString(), 50, null).items();
    }

    public record EventPage(EventsApi.Event event, List<EventsApi.Registration> registrations, long seated, long waitlisted,
            long attended) {
    }

    public EventPage event(UUID id) {
        EventsApi.Event event = events.event(id);
        List<EventsApi.Registration> registrations = events.registrations(id, null, 200).items();
        return new EventPage(event, registrations,
                registrations.stream().filter(r -> "REGISTERED".equals(r.status()) || "ATTENDED".equals(r.status())).count(),
                registrations.stream().filter(r -> "WAITLISTED".equals(r.status())).count(),
                registrations.stream().filter(r -> "ATTENDED".equals(r.status())).count());
    }

    public static final Set<String> REGISTRATION_FIELDS = Set.of("name", "email");

    public EventsApi.Registration register(UUID eventId, String name, String email) {
        return events.register(eventId, new EventsApi.NewRegistration(null, name, email, null));
    }

    public EventsApi.Registration checkIn(UUID eventId, UUID registrationId) {
        return events.checkIn(eventId, new EventsApi.CheckIn(registrationId));
    }

    public EventsApi.Registration undo(UUID eventId, UUID registrationId) {
        return events.undoCheckIn(eventId, registrationId);
    }

    public EventsApi.BulkCheckIn checkInAll(UUID eventId, String csv) {
        return events.checkInAll(eventId, csv);
    }
}

package dev.trellis.console.service;

import dev.trellis.console.api.EventsApi;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A partner user's people at the foundation's events: the registrations event-service lets the partner read (its own
 * company's, per event), and registering one of its own contacts under the address on record.
 */
@ApplicationScoped
public class MyRegistrationViews {

    /** How far back the list goes: a year of events, as the public calendar feed does. */
    static final int DAYS_BACK = 365;

    private final EventsApi events;
    private final PartnersApi partners;

    MyRegistrationViews(@RestClient EventsApi events, @RestClient PartnersApi partners) {
        this.events = events;
        this.partners = partners;
    }

    public record EventRegistrations(EventsApi.Event event, List<EventsApi.Registration> registrations) {
    }

    /**
     * @param upcoming published events that have not ended, to register for (the registration window is the API's
     *                 to check)
     */
    public record Mine(List<EventRegistrations> events, long count, List<EventsApi.Event> upcoming,
            List<PartnersApi.OwnContact> contacts) {
    }

    /**
     * event-service lists registrations per event only, so this asks each event of the last year for the partner's
     * own (one call per event; console/README.md, "API gaps").
     */
    public Mine mine() {
        Instant now = Instant.now();
        // Events under way or to come first (they matter most and would otherwise be cut by the page size), then the
        // year before; each list is one page of 100 events at most.
        String split = now.minus(2, ChronoUnit.DAYS).toString();
        List<EventsApi.Event> coming = events.events(null, split, null, 100, null).items();
        List<EventsApi.Event> past = events.events(null, now.minus(DAYS_BACK, ChronoUnit.DAYS).toString(), split, 100, null).items();
        List<EventsApi.Event> all = new ArrayList<>(past);
        java.util.Collections.reverse(all); // the most recent first
        all.addAll(0, coming);
        List<EventRegistrations> withPeople = new ArrayList<>();
        long count = 0;
        for (EventsApi.Event e : all) {
            List<EventsApi.Registration> own = events.registrations(e.id(), null, 200).items();
            if (!own.isEmpty()) {
                withPeople.add(new EventRegistrations(e, own));
                count += own.size();
            }
        }
        List<EventsApi.Event> upcoming = coming.stream()
                .filter(e -> "PUBLISHED".equals(e.status()) && e.endsAt() != null && e.endsAt().isAfter(now)).toList();
        return new Mine(withPeople, count, upcoming, partners.ownContacts(100).items());
    }

    public static final Set<String> FIELDS = Set.of("eventId", "contactId", "name", "email");

    /** Where event-service's refusals of a partner's registration belong on the form. */
    public static final Map<String, String> FIELD_OF_RULE = Map.of(
            "own-contacts-only", "contactId",
            "email-not-the-contacts", "email",
            "contact-email-unknown", "email",
            "already-registered", "contactId",
            "registration-closed", "eventId",
            "not-found", "eventId");

    public record RegistrationForm(String eventId, String contactId, String name, String email) {
        public static RegistrationForm blank() {
            return new RegistrationForm("", "", "", "");
        }
    }

    /**
     * Registers one of the partner's own contacts. A name or email left empty is taken from the contact as
     * partner-service has it; event-service checks the email against the address on record.
     *
     * @throws EventViews.InvalidForm for an event or contact not chosen from the lists
     */
    public EventsApi.Registration register(RegistrationForm form) {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        UUID eventId = null;
        UUID contactId = null;
        try {
            eventId = Forms.uuid("eventId", form.eventId());
        } catch (Forms.InvalidField e) {
            bad.put("eventId", List.of(e.getMessage()));
        }
        try {
            contactId = Forms.uuid("contactId", form.contactId());
        } catch (Forms.InvalidField e) {
            bad.put("contactId", List.of(e.getMessage()));
        }
        if (eventId == null && !bad.containsKey("eventId")) {
            bad.put("eventId", List.of("choose the event"));
        }
        if (contactId == null && !bad.containsKey("contactId")) {
            bad.put("contactId", List.of("choose one of your people"));
        }
        if (!bad.isEmpty()) {
            throw new EventViews.InvalidForm(bad);
        }
        String name = Forms.blankToNull(form.name());
        String email = Forms.blankToNull(form.email());
        if (name == null || email == null) {
            UUID id = contactId;
            PartnersApi.OwnContact contact = partners.ownContacts(100).items().stream().filter(c -> id.equals(c.id()))
                    .findFirst().orElse(null);
            if (contact != null) {
                name = name != null ? name : (nonNull(contact.firstName()) + " " + nonNull(contact.lastName())).strip();
                email = email != null ? email : contact.email();
            }
        }
        return events.register(eventId, new EventsApi.NewRegistration(contactId, name, email, null));
    }

    /** Cancels a registration of the partner's own people; a freed seat goes to the first on the waitlist. */
    public EventsApi.Registration cancel(UUID eventId, UUID registrationId) {
        return events.cancelRegistration(eventId, registrationId);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

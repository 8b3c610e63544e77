package dev.trellis.console.service;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.EventsApi;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The community team registers one of the CRM's contacts for an event: found by name or email in partner-service
 * ({@code GET /api/contacts?q=}), registered in event-service with its contact id and the name and address
 * partner-service has for it ({@code POST /api/events/{id}/registrations}). event-service decides seat or waitlist.
 */
@ApplicationScoped
public class ContactRegistrationViews {

    /** How many matches a search shows; a longer list asks for a more precise search. */
    public static final int MATCHES = 20;
    /** The form's one field; event-service's refusals about the person land there. */
    public static final String FIELD = "contactId";
    /** event-service's rules about the person or the event, shown at the contact (RegistrationService). */
    public static final Map<String, String> RULE_FIELDS = Map.of("already-registered", FIELD, "registration-closed", FIELD);

    private final EventsApi events;
    private final PartnersApi partners;

    ContactRegistrationViews(@RestClient EventsApi events, @RestClient PartnersApi partners) {
        this.events = events;
        this.partners = partners;
    }

    /**
     * @param event      the event
     * @param q          the search as typed
     * @param found      the contacts it matched (none without a search)
     * @param registered the registration just made, as event-service answers it now (REGISTERED or WAITLISTED), or null
     */
    public record Context(EventsApi.Event event, String q, List<PartnersApi.Contact> found, EventsApi.Registration registered) {
        public boolean searched() {
            return q != null && !q.isBlank();
        }

        public boolean more() {
            return found.size() >= MATCHES;
        }
    }

    public Context context(UUID eventId, String q, UUID registrationId) {
        EventsApi.Event event = events.event(eventId).getEntity();
        String search = Forms.blankToNull(q);
        List<PartnersApi.Contact> found = search == null ? List.of() : partners.searchContacts(search, MATCHES).items();
        EventsApi.Registration registered = registrationId == null ? null : events.registration(eventId, registrationId);
        return new Context(event, q, found, registered);
    }

    /**
     * Registers the contact under its name and address on record (event-service needs both: the badge, check-in and
     * duplicate detection), source STAFF by event-service's default.
     *
     * @throws Forms.InvalidField for no contact picked, one that is gone, or one without an address
     */
    public EventsApi.Registration register(UUID eventId, String contactIdText) {
        UUID contactId = Forms.uuid(FIELD, contactIdText);
        if (contactId == null) {
            throw new Forms.InvalidField(FIELD, "choose the contact to register");
        }
        PartnersApi.Contact contact;
        try {
            contact = partners.contact(contactId).getEntity();
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            throw new Forms.InvalidField(FIELD, "this contact is no longer in the CRM; search again");
        }
        if (contact.erasedAt() != null || Forms.blankToNull(contact.email()) == null) {
            throw new Forms.InvalidField(FIELD, contact.name().strip() + " has no email address on record; add one on "
                    + "their page first, or register them as a guest");
        }
        return events.register(eventId, new EventsApi.NewRegistration(contactId, contact.name().strip(),
                contact.email().strip(), null));
    }

    /**
     * event-service's refusal, at the contact field when it is about the person or the event's registration; one
     * about the name or address on record goes to the summary with the field it names.
     */
    public static FormErrors refusal(ApiProblem problem) {
        return EventViews.errors(problem, Set.of(FIELD), RULE_FIELDS);
    }
}

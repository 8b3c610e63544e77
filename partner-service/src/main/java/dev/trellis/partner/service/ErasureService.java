package dev.trellis.partner.service;

import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.ErasureRequest;
import dev.trellis.partner.domain.ErasureStep;
import dev.trellis.partner.domain.KeyContact;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.PersonalMentions;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.messaging.out.ContactEvents;
import dev.trellis.partner.messaging.out.PortalUserEvents;
import dev.trellis.platform.audit.AuditChanges;
import dev.trellis.platform.audit.AuditTrail;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erasure requests: a contact's, or a guest's address (which exists only in event-service), and their progress
 * across the services. partner-service does its own part in the request's transaction and publishes the request
 * (contact-erased, or guest-erasure-requested with the address's digest only); each service that holds data about
 * people confirms with its erasure-completed, recorded by {@link #confirm}.
 */
@ApplicationScoped
public class ErasureService {
    static final String PARTNER = "partner";
    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    private final EntityManager em;
    private final ContactEvents events;
    private final PortalUserEvents portalEvents;
    private final AffiliationService affiliations;
    private final KeycloakPortalDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    public ErasureService(EntityManager em, ContactEvents events, PortalUserEvents portalEvents,
            AffiliationService affiliations, KeycloakPortalDirectory directory, AuditTrail audit, Clock clock) {
        this.em = em;
        this.events = events;
        this.portalEvents = portalEvents;
        this.affiliations = affiliations;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A contact and the request that erased it. */
    public record ContactErasure(Contact contact, ErasureRequest request) {
    }

    /**
     * Erases a contact for privacy (the domain's rule: anonymise what statistics still need, delete the
     * rest). The contact keeps its id, with placeholders for its personal data; its consent history and
     * key-contact roles go; its affiliations and touchpoint attendance stay, now about nobody
     * identifiable, but every affiliation still running ends on the erasure day (one affiliation-ended
     * each, published before contact-erased), so nobody lists the person as a partner's current contact
     * or executive sponsor. Mentions of the person in touchpoints' summaries and notes and in next steps
     * become "[erased]" ({@link PersonalMentions}); the person's partner-portal account in Keycloak is deleted
     * (portal-user-removed), before anything else, and the mails to the person and their unsubscribe links go; so a refusal of Keycloak erases nothing and can be retried.
     * Other services learn it from the contact-erased event and confirm. Erasing twice changes nothing and
     * publishes nothing more; a contact erased before requests were tracked gets one, and contact-erased again,
     * so that every service confirms.
     */
    public ContactErasure eraseContact(UUID id, Caller caller) {
        String by = caller.requireUsername();
        Optional<String> email = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = Contact.<Contact>findByIdOptional(id).orElseThrow(() -> NotFound.of("Contact", id));
            return contact.erased() ? Optional.<String>empty() : Optional.of(contact.email);
        });
        List<KeycloakPortalDirectory.PortalUserOf> accounts = email.map(directory::byUsername).orElse(List.of());
        for (KeycloakPortalDirectory.PortalUserOf account : accounts) {
            directory.delete(account.userId());
        }
        return QuarkusTransaction.requiringNew().call(() -> erase(id, by, accounts));
    }

    private ContactErasure erase(UUID id, String by, List<KeycloakPortalDirectory.PortalUserOf> accounts) {
        Contact contact = Contact.<Contact>findByIdOptional(id, LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .orElseThrow(() -> NotFound.of("Contact", id));
        Instant now = now();
        if (contact.erased()) {
            Optional<ErasureRequest> existing = ErasureRequest.find("contactId", id).firstResultOptional();
            if (existing.isPresent()) {
                return new ContactErasure(contact, existing.get());
            }
            ErasureRequest request = start(id, now, by, ErasureRequest.CONTACT_SERVICES);
            events.erased(contact, request.id, null);
            return new ContactErasure(contact, request);
        }
        String digest = ContactRegistered.emailSha256(contact.email);
        // the mails to the person (renewal reminders; sent or not) and the unsubscribe links they carried
        em.createNativeQuery("delete from mail_outbox where lower(recipient) = lower(:email)")
                .setParameter("email", contact.email).executeUpdate();
        em.createNativeQuery("delete from unsubscribe_token where contact_id = :id").setParameter("id", id).executeUpdate();
        PersonalMentions mentions = new PersonalMentions(contact.firstName, contact.lastName, contact.email);
        contact.erase(now);
        affiliations.endAllForErasure(contact, LocalDate.now(clock));
        Consent.delete("contactId", id);
        KeyContact.delete("contactId", id);
        redactMentions(mentions, id);
        for (KeycloakPortalDirectory.PortalUserOf account : accounts) {
            UUID partnerId = UUID.fromString(account.partnerId());
            portalEvents.removed(partnerId, account.userId(), by, now);
            audit.record("portal-user", account.userId(), "removed", AuditChanges.of().field("partnerId", partnerId, null));
        }
        // the person's portal account signed its own changes with its username, the address
        audit.replaceActor(digest, "erased-" + id);
        ErasureRequest request = start(id, now, by, ErasureRequest.CONTACT_SERVICES);
        events.erased(contact, request.id, digest);
        em.flush();
        return new ContactErasure(contact, request);
    }

    /**
     * Erases an email address that belongs to no contact: a guest's registrations and sign-ups in event-service.
     * Nothing about the address is kept here; event-service gets its digest.
     */
    @Transactional
    public ErasureRequest eraseGuest(String email, Caller caller) {
        String by = caller.requireUsername();
        if (email == null || email.isBlank() || !email.contains("@")) {
            throw InvalidInput.field("email", "must be an email address");
        }
        Long contacts = em.createQuery("select count(c) from Contact c where lower(c.email) = :email and c.erasedAt is null",
                        Long.class)
                .setParameter("email", email.strip().toLowerCase(java.util.Locale.ROOT)).getSingleResult();
        if (contacts > 0) {
            throw StateConflict.of("address-of-a-contact", "Address of a contact",
                    "This address belongs to a contact: erase the contact (POST /api/contacts/{id}/erasure)");
        }
        Instant now = now();
        ErasureRequest request = start(null, now, by, ErasureRequest.GUEST_SERVICES);
        events.guestErasureRequested(request.id, ContactRegistered.emailSha256(email), now);
        return request;
    }

    /** A request with its steps. */
    @Transactional
    public ErasureRequest get(UUID requestId) {
        return ErasureRequest.<ErasureRequest>findByIdOptional(requestId)
                .orElseThrow(() -> NotFound.of("Erasure request", requestId));
    }

    /** The request that erased this contact; 404 when it was never erased (or before requests were tracked). */
    @Transactional
    public ErasureRequest ofContact(UUID contactId) {
        if (Contact.findById(contactId) == null) {
            throw NotFound.of("Contact", contactId);
        }
        return ErasureRequest.<ErasureRequest>find("contactId", contactId).firstResultOptional()
                .orElseThrow(() -> NotFound.of("Erasure request of contact", contactId));
    }

    /**
     * A service's erasure-completed: its step is done. A confirmation of a request not known here, or from a
     * service the request does not wait for, changes nothing (logged).
     */
    @Transactional
    public void confirm(UUID requestId, String service, Instant at) {
        Optional<ErasureStep> step = ErasureRequest.<ErasureRequest>findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(r -> r.step(service));
        if (step.isEmpty()) {
            LOG.warnf("Erasure confirmation of %s for unknown request %s ignored", service, requestId);
            return;
        }
        step.get().complete(at.truncatedTo(ChronoUnit.MICROS));
    }

    private ErasureRequest start(UUID contactId, Instant now, String by, List<String> services) {
        ErasureRequest request = ErasureRequest.start(contactId, now, by, services);
        request.step(PARTNER).orElseThrow().complete(now);
        request.persist();
        return request;
    }

    /** The person's mentions in staff's text; in the touchpoints they attended, their last name alone too. */
    private void redactMentions(PersonalMentions mentions, UUID contactId) {
        Set<Touchpoint> touchpoints = new LinkedHashSet<>();
        Set<NextStep> steps = new LinkedHashSet<>();
        for (String term : mentions.lowerCaseFilter()) {
            String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            touchpoints.addAll(em.createQuery("from Touchpoint t where lower(t.summary) like :p escape '\\' "
                    + "or lower(t.notes) like :p escape '\\'", Touchpoint.class).setParameter("p", like).getResultList());
            steps.addAll(em.createQuery("from NextStep s where lower(s.description) like :p escape '\\'", NextStep.class)
                    .setParameter("p", like).getResultList());
        }
        for (Touchpoint t : touchpoints) {
            boolean attended = t.contactIds().contains(contactId);
            t.summary = attended ? mentions.redactInOwnMeeting(t.summary) : mentions.redact(t.summary);
            t.notes = attended ? mentions.redactInOwnMeeting(t.notes) : mentions.redact(t.notes);
        }
        for (NextStep s : steps) {
            s.description = mentions.redact(s.description);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

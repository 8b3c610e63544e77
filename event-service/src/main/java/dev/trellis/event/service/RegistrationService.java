package dev.trellis.event.service;

import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.event.domain.ErasedContact;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.PartnerView;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationSource;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.messaging.out.EventMessages;
import dev.trellis.event.messaging.out.MailMessages;
import dev.trellis.event.persistence.PartnerDirectory;
import dev.trellis.event.persistence.RegistrationQueries;
import dev.trellis.event.service.command.NewRegistration;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Registrations. Every registration and cancellation locks the event row first, so seats are counted and
 * taken one request at a time per event and capacity is never exceeded.
 */
@ApplicationScoped
public class RegistrationService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The partial unique indexes (V2, V6) that allow one registration per email, and per contact, that is not cancelled. */
    private static final Set<String> LIVE_REGISTRATION_INDEXES = Set.of("registration_live_email_uq",
            "registration_live_contact_uq");

    /** A new registration and the cancel token that only its creator gets to see. */
    public record Created(Registration registration, String cancelToken) {
    }

    private final EventService events;
    private final Seats seats;
    private final PartnerDirectory partners;
    private final RegistrationQueries queries;
    private final EventMessages messages;
    private final MailMessages mails;
    private final Clock clock;

    public RegistrationService(EventService events, Seats seats, PartnerDirectory partners, RegistrationQueries queries,
            EventMessages messages, MailMessages mails, Clock clock) {
        this.events = events;
        this.seats = seats;
        this.partners = partners;
        this.queries = queries;
        this.messages = messages;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Registers someone: into a seat while there is one, else onto the waitlist, and records the mail that tells
     * them so (with the cancel token, and for a seat the event's calendar entry).
     *
     * <p>A partner user registers its own contacts only, each under the address partner-service has on record for
     * it (compared by digest: this service never learns the address), as {@link RegistrationSource#PORTAL}
     * whatever source it names. The name is the partner's to give: partner-service does not publish names. These
     * checks come before any look at other registrations, so a refusal tells a partner nothing about anyone else.
     *
     * @throws AccessDenied  {@code own-contacts-only} when a partner user registers someone who is not its own contact
     * @throws RuleViolation {@code registration-closed} outside the registration window, or for an event not
     *                       published; for a partner user, {@code email-not-the-contacts} for another address than
     *                       the contact's, {@code contact-email-unknown} while its address is not known here yet
     * @throws StateConflict {@code already-registered} for a contact, or an email, already registered for the event
     *                       (not cancelled)
     */
    @Transactional
    public Created register(UUID eventId, NewRegistration registration, Caller caller) {
        Event event = events.lock(eventId, caller);
        event.requireRegistrationOpen(Instant.now(clock));
        Optional<PartnerView> company = company(registration, caller);
        String email = registration.email().strip();
        boolean byPartner = !caller.isCommunityTeam();
        if (byPartner) {
            requireContactsOwnAddress(registration.contactId(), email);
        }
        // The event's row lock makes these checks true until commit; the unique indexes stop whatever gets past.
        if (registration.contactId() != null && Registration.count("eventId = ?1 and contactId = ?2 and status <> ?3",
                eventId, registration.contactId(), RegistrationStatus.CANCELLED) > 0) {
            throw alreadyRegistered("This contact is registered for this event already");
        }
        if (Registration.count("eventId = ?1 and lower(email) = ?2 and status <> ?3", eventId,
                email.toLowerCase(Locale.ROOT), RegistrationStatus.CANCELLED) > 0) {
            throw alreadyRegistered("This email address is registered for this event already");
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.eventId = eventId;
        r.contactId = registration.contactId();
        r.name = registration.name().strip();
        r.email = email;
        r.partnerId = company.map(p -> p.partnerId).orElse(null);
        r.partnerName = company.map(p -> p.name).orElse(null);
        r.source = byPartner ? RegistrationSource.PORTAL
                : registration.source() != null ? registration.source() : RegistrationSource.STAFF;
        r.status = seats.available(event) ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        String token = newToken();
        r.cancelToken = hash(token);
        r.persist();
        flushGuardingDuplicates();
        messages.registration(r);
        // In this transaction: a rollback records no mail, a commit has it sent (MailRelay).
        if (r.status == RegistrationStatus.REGISTERED) {
            mails.registrationConfirmed(event, r, token, CalendarService.invitation(event));
        } else {
            mails.waitlisted(event, r, token);
        }
        return new Created(r, token);
    }

    /**
     * Registers a public sign-up whose address was just confirmed, as {@link RegistrationSource#WEB}: into a seat while
     * there is one, else onto the waitlist, with the same mails as any registration. The caller holds the event's row
     * lock and has checked that the event takes registrations.
     *
     * @return the registration, or empty if the address is registered for the event already (not cancelled)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Created> registerSignUp(Event event, String name, String email) {
        if (isRegistered(event.id, email)) {
            return Optional.empty();
        }
        Optional<PartnerView> company = partners.byEmail(email);
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.eventId = event.id;
        r.name = name;
        r.email = email;
        r.partnerId = company.map(p -> p.partnerId).orElse(null);
        r.partnerName = company.map(p -> p.name).orElse(null);
        r.source = RegistrationSource.WEB;
        r.status = seats.available(event) ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        String token = newToken();
        r.cancelToken = hash(token);
        r.persist();
        flushGuardingDuplicates();
        messages.registration(r);
        if (r.status == RegistrationStatus.REGISTERED) {
            mails.registrationConfirmed(event, r, token, CalendarService.invitation(event));
        } else {
            mails.waitlisted(event, r, token);
        }
        return Optional.of(new Created(r, token));
    }

    /** Whether the address is registered for the event (not cancelled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isRegistered(UUID eventId, String email) {
        return Registration.count("eventId = ?1 and lower(email) = ?2 and status <> ?3", eventId,
                email.toLowerCase(Locale.ROOT), RegistrationStatus.CANCELLED) > 0;
    }

    /**
     * A partner user names its contact's address as partner-service has it on record: the digests must match. The
     * detail says what is wanted, never whether the address given is registered or known anywhere.
     */
    private void requireContactsOwnAddress(UUID contactId, String email) {
        Optional<String> onRecord = partners.emailDigestOf(contactId);
        if (onRecord.isEmpty()) {
            throw RuleViolation.of("contact-email-unknown", "Contact's email not known yet",
                    "email: the contact's address on record in partner-service has not reached the event service yet;"
                            + " retry in a moment, or ask the community team to register the contact");
        }
        byte[] given = ContactRegistered.emailSha256(email).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, onRecord.get().getBytes(StandardCharsets.US_ASCII))) {
            throw RuleViolation.of("email-not-the-contacts", "Email not the contact's",
                    "email: must be the contact's address on record in partner-service");
        }
    }

    /**
     * Says neither whose registration it is nor under which address: for a partner user the contact is its own,
     * and the community team typed the address itself.
     */
    private static StateConflict alreadyRegistered(String detail) {
        return StateConflict.of("already-registered", "Already registered", detail);
    }

    /** A registration that passed the checks but not a unique index (they cannot race under the row lock) is a 409 too. */
    private static void flushGuardingDuplicates() {
        try {
            Registration.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation
                        && LIVE_REGISTRATION_INDEXES.contains(violation.getConstraintName())) {
                    throw alreadyRegistered("This contact or email address is registered for this event already");
                }
            }
            throw e;
        }
    }

    /**
     * Records attendance of an event that has taken place, as from the sign-in sheet of a meetup held before it was
     * in Trellis (and for the demo data): registered, and attended or not, whatever the window and capacity said.
     * The company comes from the email's domain. Returns false if the email is registered already.
     */
    @Transactional
    public boolean importAttendance(UUID eventId, String name, String email, boolean attended) {
        Event event = events.lock(eventId, Caller.SYSTEM);
        if (Registration.count("eventId = ?1 and lower(email) = ?2", eventId, email.toLowerCase(Locale.ROOT)) > 0) {
            return false;
        }
        Optional<PartnerView> company = partners.byEmail(email);
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.eventId = eventId;
        r.name = name;
        r.email = email;
        r.partnerId = company.map(p -> p.partnerId).orElse(null);
        r.partnerName = company.map(p -> p.name).orElse(null);
        r.source = RegistrationSource.IMPORT;
        r.status = attended ? RegistrationStatus.ATTENDED : RegistrationStatus.REGISTERED;
        r.checkedInAt = attended ? event.startsAt : null;
        r.cancelToken = hash(newToken());
        r.persist();
        messages.registration(r);
        if (attended) {
            messages.attendance(r, true);
        }
        return true;
    }

    /** The company snapshot: a contact's current employer, or for a guest the partner owning the email's domain. */
    private Optional<PartnerView> company(NewRegistration registration, Caller caller) {
        if (registration.contactId() == null) {
            if (!caller.isCommunityTeam()) {
                throw new AccessDenied("own-contacts-only", "Own contacts only",
                        "A partner registers its own contacts: send the contactId");
            }
            return partners.byEmail(registration.email().strip());
        }
        Optional<PartnerView> employer = partners.employerOf(registration.contactId());
        // A partner token without a valid partner_id acts for no organisation, so every contact is someone else's.
        if (!caller.isCommunityTeam() && (employer.isEmpty() || !caller.actsFor(employer.get().partnerId))) {
            throw new AccessDenied("own-contacts-only", "Own contacts only",
                    "Contact " + registration.contactId() + " does not work for your organisation");
        }
        // An erased contact has no affiliations left here (and late ones are ignored), so no employer.
        if (employer.isEmpty() && ErasedContact.isErased(registration.contactId())) {
            throw InvalidInput.field("contactId", "names a contact erased for privacy");
        }
        if (employer.isEmpty() && !partners.knowsContact(registration.contactId())) {
            throw InvalidInput.field("contactId", "is not a contact known to this service");
        }
        return employer;
    }

    /**
     * The event's registrations in order of arrival. Staff see all; a partner user only its own company's, and a
     * partner token without a valid partner_id none.
     */
    @Transactional
    public Page<Registration> list(UUID eventId, RegistrationStatus status, PageRequest page, Caller caller) {
        events.get(eventId, caller);
        if (caller.isStaff()) {
            return queries.page(eventId, status, page);
        }
        if (caller.partnerId() == null) {
            return new Page<>(List.of(), null);
        }
        return queries.pageOfPartner(eventId, caller.partnerId(), status, page);
    }

    /** One registration; 404 for one of another company, so they do not leak. */
    @Transactional
    public Registration get(UUID eventId, UUID id, Caller caller) {
        events.get(eventId, caller);
        return Registration.<Registration>findByIdOptional(id)
                .filter(r -> r.eventId.equals(eventId))
                .filter(r -> caller.isStaff() || caller.actsFor(r.partnerId))
                .orElseThrow(() -> NotFound.of("Registration", id));
    }

    /**
     * Cancels a registration: by the community team, by the registrant's own partner, or by whoever holds its
     * cancel token. A freed seat goes to the first on the waitlist. Anyone else is told it does not exist, except a
     * caller who sent no cancel token and is anonymous or staff: it is refused ({@link AccessDenied}), and the
     * HTTP layer answers an anonymous one with 401.
     *
     * @throws StateConflict {@code registration-not-cancellable} unless it is registered or waitlisted
     */
    @Transactional
    public Registration cancel(UUID eventId, UUID id, Caller caller, String cancelToken) {
        Event event = events.lock(eventId, Caller.SYSTEM);
        Registration r = Registration.<Registration>findByIdOptional(id).filter(x -> x.eventId.equals(eventId))
                .orElseThrow(() -> NotFound.of("Registration", id));
        boolean byToken = cancelToken != null && MessageDigest.isEqual(
                hash(cancelToken).getBytes(StandardCharsets.US_ASCII), r.cancelToken.getBytes(StandardCharsets.US_ASCII));
        if (!caller.isCommunityTeam() && !caller.actsFor(r.partnerId) && !byToken) {
            if (caller.isAnonymous() && cancelToken == null) {
                throw new AccessDenied("forbidden", "Forbidden",
                        "Sign in, or send the registration's cancel token as X-Cancel-Token");
            }
            if (caller.isStaff() && cancelToken == null) {
                throw new AccessDenied("forbidden", "Forbidden", "Your role does not allow this request");
            }
            throw NotFound.of("Registration", id);
        }
        boolean heldSeat = r.cancel();
        messages.registration(r);
        Registration.flush();
        if (heldSeat && event.status == EventStatus.PUBLISHED) {
            seats.promote(event);
        }
        return r;
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

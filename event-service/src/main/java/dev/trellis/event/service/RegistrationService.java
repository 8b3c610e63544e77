package dev.trellis.event.service;

import dev.trellis.event.domain.ErasedContact;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventRuleException;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.PartnerView;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationSource;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.messaging.EventMessages;
import dev.trellis.event.rest.dto.RegistrationRequest;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Registrations. Every registration and cancellation locks the event row first, so seats are counted and
 * taken one request at a time per event and capacity is never exceeded.
 */
@ApplicationScoped
public class RegistrationService {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new registration and the cancel token that only its creator gets to see. */
    public record Created(Registration registration, String cancelToken) {
    }

    private final EventService events;
    private final Seats seats;
    private final PartnerDirectory partners;
    private final EventMessages messages;

    public RegistrationService(EventService events, Seats seats, PartnerDirectory partners, EventMessages messages) {
        this.events = events;
        this.seats = seats;
        this.partners = partners;
        this.messages = messages;
    }

    /**
     * Registers someone: into a seat while there is one, else onto the waitlist.
     *
     * @throws ProblemException 403 when a partner user registers someone who is not its own contact, 409 for an
     *                          email already registered for the event
     * @throws EventRuleException outside the registration window
     */
    @Transactional
    public Created register(UUID eventId, RegistrationRequest request, Caller caller) {
        Event event = events.lock(eventId, caller);
        Instant now = Instant.now();
        if (!event.registrationOpen(now)) {
            throw new EventRuleException("registration-closed", "Registration for this event is not open"
                    + (event.status == EventStatus.PUBLISHED ? " at this time (see its registration window)" : ""));
        }
        Optional<PartnerView> company = company(request, caller);
        String email = request.email().strip();
        if (Registration.count("eventId = ?1 and lower(email) = ?2 and status <> ?3", eventId,
                email.toLowerCase(Locale.ROOT), RegistrationStatus.CANCELLED) > 0) {
            throw ProblemException.conflict("already-registered", "Already registered",
                    email + " is already registered for this event");
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.eventId = eventId;
        r.contactId = request.contactId();
        r.name = request.name().strip();
        r.email = email;
        r.partnerId = company.map(p -> p.partnerId).orElse(null);
        r.partnerName = company.map(p -> p.name).orElse(null);
        r.source = request.source() != null ? request.source()
                : caller.communityTeam() ? RegistrationSource.STAFF : RegistrationSource.PORTAL;
        r.status = seats.available(event) ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        String token = newToken();
        r.cancelToken = hash(token);
        r.persist();
        messages.registration(r);
        return new Created(r, token);
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
    private Optional<PartnerView> company(RegistrationRequest request, Caller caller) {
        if (request.contactId() == null) {
            if (!caller.communityTeam()) {
                throw new ProblemException(403, "own-contacts-only", "Own contacts only",
                        "A partner registers its own contacts: send the contactId");
            }
            return partners.byEmail(request.email().strip());
        }
        Optional<PartnerView> employer = partners.employerOf(request.contactId());
        if (!caller.communityTeam() && (employer.isEmpty() || !caller.actsFor(employer.get().partnerId))) {
            throw new ProblemException(403, "own-contacts-only", "Own contacts only",
                    "Contact " + request.contactId() + " does not work for your organisation");
        }
        // An erased contact has no affiliations left here (and late ones are ignored), so no employer.
        if (employer.isEmpty() && ErasedContact.isErased(request.contactId())) {
            throw ProblemException.badRequest("contactId", "names a contact erased for privacy");
        }
        if (employer.isEmpty() && !partners.knowsContact(request.contactId())) {
            throw ProblemException.badRequest("contactId", "is not a contact known to this service");
        }
        return employer;
    }

    /** The event's registrations in order of arrival; a partner user sees only its own company's. */
    @Transactional
    public List<Registration> list(UUID eventId, RegistrationStatus status, PageRequest page, Caller caller) {
        events.get(eventId, caller);
        StringBuilder where = new StringBuilder("eventId = :event");
        Parameters params = Parameters.with("event", eventId);
        if (!caller.seesAll()) {
            where.append(" and partnerId = :partner");
            params.and("partner", caller.partnerId());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        Cursor after = page.decodedCursor(1);
        if (after != null) {
            try {
                params.and("seq", Long.parseLong(after.key(0)));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this list produced; start again without it");
            }
            where.append(" and seq > :seq");
        }
        return Registration.find(where + " order by seq", params).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Registration r) {
        return Cursor.of(r.seq);
    }

    /** One registration; 404 for one of another company, so they do not leak. */
    @Transactional
    public Registration get(UUID eventId, UUID id, Caller caller) {
        events.get(eventId, caller);
        return Registration.<Registration>findByIdOptional(id)
                .filter(r -> r.eventId.equals(eventId))
                .filter(r -> caller.seesAll() || caller.actsFor(r.partnerId))
                .orElseThrow(() -> ProblemException.notFound("Registration", id));
    }

    /**
     * Cancels a registration: by the community team, by the registrant's own partner, or by whoever holds its
     * cancel token. A freed seat goes to the first on the waitlist.
     */
    @Transactional
    public Registration cancel(UUID eventId, UUID id, Caller caller, String cancelToken) {
        Event event = events.lock(eventId, Caller.SYSTEM);
        Registration r = Registration.<Registration>findByIdOptional(id).filter(x -> x.eventId.equals(eventId))
                .orElseThrow(() -> ProblemException.notFound("Registration", id));
        boolean byToken = cancelToken != null && MessageDigest.isEqual(
                hash(cancelToken).getBytes(StandardCharsets.US_ASCII), r.cancelToken.getBytes(StandardCharsets.US_ASCII));
        if (!caller.communityTeam() && !caller.actsFor(r.partnerId) && !byToken) {
            if (caller.equals(Caller.ANONYMOUS) && cancelToken == null) {
                throw new ProblemException(401, "unauthorized", "Unauthorized",
                        "Sign in, or send the registration's cancel token as X-Cancel-Token");
            }
            if (caller.seesAll() && cancelToken == null) {
                throw new ProblemException(403, "forbidden", "Forbidden", "Your role does not allow this request");
            }
            throw ProblemException.notFound("Registration", id);
        }
        if (r.status != RegistrationStatus.REGISTERED && r.status != RegistrationStatus.WAITLISTED) {
            throw new EventRuleException("registration-not-cancellable", "A registration that is " + r.status
                    + " cannot be cancelled");
        }
        boolean heldSeat = r.status == RegistrationStatus.REGISTERED;
        r.status = RegistrationStatus.CANCELLED;
        messages.registration(r);
        Registration.flush();
        if (heldSeat && event.status == EventStatus.PUBLISHED) {
            seats.promote(event);
        }
        return r;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

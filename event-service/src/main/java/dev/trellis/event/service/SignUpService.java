package dev.trellis.event.service;

import dev.trellis.event.config.SignUpConfig;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.domain.SignUp;
import dev.trellis.event.domain.SignUpStatus;
import dev.trellis.event.messaging.out.MailMessages;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Public sign-up with double opt-in. A sign-up is held, taking no seat, until its address is confirmed through the
 * link in the mail recorded with it; confirming turns it into a registration (a seat or the waitlist). The answer to
 * a sign-up is the same whether or not the address is registered: only the mail, which only the address's owner
 * reads, tells them apart.
 */
@ApplicationScoped
public class SignUpService {
    private static final Logger LOG = Logger.getLogger(SignUpService.class);

    /** What confirming did: the registration's status, or that the address was registered already. */
    public enum Outcome {
        REGISTERED, WAITLISTED, ALREADY_REGISTERED
    }

    public record Confirmation(Outcome outcome, Event event) {
    }

    private final EventService events;
    private final RegistrationService registrations;
    private final MailMessages mails;
    private final SignUpConfig config;
    private final Clock clock;

    public SignUpService(EventService events, RegistrationService registrations, MailMessages mails,
            SignUpConfig config, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records a sign-up and its mail: a confirmation link for an address not registered for the event, a notice that
     * it is for one that is. Neither takes a seat. Nothing in the outcome differs for the caller.
     *
     * @throws NotFound      no such event (or a draft)
     * @throws dev.trellis.platform.domain.RuleViolation {@code public-sign-up-not-allowed} unless staff allowed it;
     *                       {@code registration-closed} outside the registration window
     * @throws SignUpLimited more sign-ups of this address, or from this client, in the window than allowed
     */
    @Transactional
    public void signUp(UUID eventId, String name, String email, String clientAddress, Caller caller) {
        Instant now = Instant.now(clock);
        Event event = events.get(eventId, caller);
        event.requirePublicSignUp();
        event.requireRegistrationOpen(now);
        String address = email.strip();
        String client = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
        // Held until commit, so concurrent sign-ups of one address (or client) are counted one after the other.
        lock("sign-up:email:" + address.toLowerCase(Locale.ROOT));
        lock("sign-up:client:" + client);
        requireWithinLimit("lower(email) = ?1", address.toLowerCase(Locale.ROOT), config.perAddress(), now);
        requireWithinLimit("clientAddress = ?1", client, config.perClient(), now);

        SignUp s = new SignUp();
        s.id = UUID.randomUUID();
        s.eventId = event.id;
        s.name = name.strip();
        s.email = address;
        s.clientAddress = client;
        s.createdAt = now;
        s.expiresAt = now.plus(config.holdFor());
        // In this transaction: a rollback records no mail, a commit has it sent (MailRelay).
        if (registrations.isRegistered(event.id, address)) {
            s.status = SignUpStatus.NOTICE;
            s.persist();
            mails.signUpNotice(event, s);
        } else {
            String token = RegistrationService.newToken();
            s.status = SignUpStatus.PENDING;
            s.tokenHash = RegistrationService.hash(token);
            s.persist();
            mails.signUpConfirm(event, s, token, config.holdFor());
        }
    }

    /**
     * Confirms the sign-up whose link carried {@code token}: it becomes a registration, with the usual mail. Confirming
     * again answers as the first time did, and registers nobody twice.
     *
     * @throws NotFound for a token that is unknown, of another event, or expired (it lapsed, and holds no seat)
     * @throws dev.trellis.platform.domain.RuleViolation {@code registration-closed} when the event takes no
     *                       registrations any more
     */
    @Transactional
    public Confirmation confirm(UUID eventId, String token) {
        Event event = events.lock(eventId, Caller.SYSTEM);
        Instant now = Instant.now(clock);
        SignUp s = SignUp.<SignUp>find("tokenHash", RegistrationService.hash(token)).firstResultOptional()
                .filter(x -> x.eventId.equals(eventId))
                .filter(x -> x.status == SignUpStatus.CONFIRMED || x.confirmable(now))
                .orElseThrow(() -> new NotFound("No sign-up waits for this link: it is not one we sent, or it is older"
                        + " than " + config.holdFor().toHours() + " hours. Please sign up again."));
        if (s.status == SignUpStatus.CONFIRMED) {
            return new Confirmation(outcomeOf(s), event);
        }
        event.requireRegistrationOpen(now);
        Optional<RegistrationService.Created> created = registrations.registerSignUp(event, s.name, s.email);
        s.status = SignUpStatus.CONFIRMED;
        s.confirmedAt = now;
        s.registrationId = created.map(c -> c.registration().id).orElse(null);
        return new Confirmation(created.map(c -> c.registration().status == RegistrationStatus.REGISTERED
                ? Outcome.REGISTERED : Outcome.WAITLISTED).orElse(Outcome.ALREADY_REGISTERED), event);
    }

    private static Outcome outcomeOf(SignUp s) {
        if (s.registrationId == null) {
            return Outcome.ALREADY_REGISTERED;
        }
        Registration r = Registration.findById(s.registrationId);
        return r != null && r.status == RegistrationStatus.WAITLISTED ? Outcome.WAITLISTED : Outcome.REGISTERED;
    }

    /**
     * Deletes the sign-ups (a name and an address each) whose link has expired and that the limits no longer count:
     * an unconfirmed one lapses, a confirmed one lives on as its registration.
     */
    @Scheduled(identity = "sign-up-sweep", every = "${trellis.sign-up.sweep-interval:PT10M}", delayed = "30s")
    @Transactional
    void sweep() {
        Instant now = Instant.now(clock);
        long deleted = SignUp.delete("expiresAt < ?1 and createdAt < ?2", now, now.minus(config.window()));
        if (deleted > 0) {
            LOG.debugf("Deleted %d expired sign-ups", deleted);
        }
    }

    private void requireWithinLimit(String where, String key, int limit, Instant now) {
        Instant since = now.minus(config.window());
        long count = SignUp.count(where + " and createdAt > ?2", key, since);
        if (count < limit) {
            return;
        }
        Instant oldest = SignUp.<SignUp>find(where + " and createdAt > ?2 order by createdAt", key, since)
                .firstResult().createdAt;
        Duration wait = Duration.between(now, oldest.plus(config.window()));
        throw new SignUpLimited(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    private static void lock(String key) {
        SignUp.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, key).getSingleResult();
    }
}

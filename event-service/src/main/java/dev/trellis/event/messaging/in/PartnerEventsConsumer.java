package dev.trellis.event.messaging.in;

import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.ContactEmailChanged;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.contracts.partner.GuestErasureRequested;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.event.persistence.PartnerReadModel;
import dev.trellis.event.service.ContactErasureService;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import dev.trellis.platform.messaging.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the partner read model (partners, their email domains, who works where, their memberships, the digest of
 * each contact's email address) in step with partner-service, once per event, and carries out contact erasures.
 * Touchpoints and portal users do not matter to events: they have no handler and are passed over.
 *
 * <p>A payload without a field the effect needs can never be applied: it is refused as malformed, so it goes to
 * the dead-letter topic instead of being retried.
 */
@ApplicationScoped
public class PartnerEventsConsumer {
    static final String CHANNEL = "partner-events";
    /** The inbox key: renaming it replays every event still on the topic. */
    static final String CONSUMER = "event.partner-view";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public PartnerEventsConsumer(EventDispatcher dispatcher, PartnerReadModel model, ContactErasureService erasures, Clock clock) {
        this.dispatcher = dispatcher;
        this.handlers = dispatcher.register(CHANNEL, EventHandlers.consumer(CONSUMER)
                .on(PartnerRegistered.class, (p, event) -> model.partner(required(p.partnerId(), "partnerId", event),
                        required(p.name(), "name", event), required(p.lifecycleStatus(), "lifecycleStatus", event).name(),
                        p.emailDomains(), event.time()))
                .on(PartnerChanged.class, (p, event) -> model.partner(required(p.partnerId(), "partnerId", event),
                        required(p.name(), "name", event), required(p.lifecycleStatus(), "lifecycleStatus", event).name(),
                        p.emailDomains(), event.time()))
                .on(PartnerLapsed.class, (p, event) -> model.status(required(p.partnerId(), "partnerId", event),
                        "LAPSED", event.time()))
                .on(PartnerReactivated.class, (p, event) -> model.status(required(p.partnerId(), "partnerId", event),
                        "ACTIVE", event.time()))
                .on(AffiliationStarted.class, (a, event) -> model.affiliation(
                        required(a.affiliationId(), "affiliationId", event), required(a.contactId(), "contactId", event),
                        required(a.partnerId(), "partnerId", event), required(a.startDate(), "startDate", event), true))
                .on(AffiliationEnded.class, (a, event) -> model.affiliation(
                        required(a.affiliationId(), "affiliationId", event), required(a.contactId(), "contactId", event),
                        required(a.partnerId(), "partnerId", event), required(a.startDate(), "startDate", event), false))
                .on(MembershipChanged.class, (m, event) -> model.membership(
                        required(m.partnerId(), "partnerId", event), required(m.membershipId(), "membershipId", event),
                        terms(m, model.membershipTerms(m.partnerId()).orElse(null), LocalDate.ofInstant(event.time(), clock.getZone()),
                                event),
                        required(m.effectiveDate(), "effectiveDate", event), m.change() == null ? "UNKNOWN" : m.change().name(),
                        event.time()))
                .on(ContactRegistered.class, (c, event) -> {
                    // An event sent before the digest was carried tells nothing this service keeps.
                    if (c.emailSha256() != null) {
                        model.contactEmail(required(c.contactId(), "contactId", event), digest(c.emailSha256(), event),
                                event.time());
                    }
                })
                .on(ContactEmailChanged.class, (c, event) -> model.contactEmail(required(c.contactId(), "contactId", event),
                        digest(required(c.emailSha256(), "emailSha256", event), event), event.time()))
                .on(ContactErased.class, (erased, event) -> erasures.erase(required(erased.contactId(), "contactId", event),
                        required(erased.erasedAt(), "erasedAt", event), erased.requestId(),
                        erased.emailSha256() == null ? null : digest(erased.emailSha256(), event)))
                .on(GuestErasureRequested.class, (guest, event) -> erasures.eraseGuest(
                        required(guest.requestId(), "requestId", event),
                        digest(required(guest.emailSha256(), "emailSha256", event), event)))
                .build());
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(handlers, record);
    }

    /**
     * The membership's terms as the change left it ({@link MembershipChanged#termsAfter}, for an event sent before
     * terms were carried against the terms before it); dates out of order, negative grace or an overlong tier can
     * never be applied.
     */
    private static MembershipTerms terms(MembershipChanged m, MembershipTerms before, LocalDate recordedOn,
            EventHandlers.Event event) {
        required(m.tier(), "tier", event);
        required(m.termStart(), "termStart", event);
        required(m.termEnd(), "termEnd", event);
        if (m.termEnd().isBefore(m.termStart()) || m.graceDays() < 0 || m.tier().length() > 100) {
            throw new MalformedEventException(event.type() + " " + event.id()
                    + " has a termEnd before its termStart, negative graceDays or a tier over 100 characters");
        }
        MembershipTerms terms;
        try {
            terms = m.termsAfter(before, recordedOn);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has unreadable terms: " + e.getMessage());
        }
        if (terms.termEnd().isBefore(terms.termStart()) || terms.tier().length() > 100
                || (terms.pendingTier() != null && terms.pendingTier().length() > 100)) {
            throw new MalformedEventException(event.type() + " " + event.id()
                    + " has terms ending before they start, or a tier over 100 characters");
        }
        return terms;
    }

    /** A digest that is not 64 lower-case hex digits could never match an address: refused as malformed. */
    private static String digest(String emailSha256, EventHandlers.Event event) {
        if (!SHA256_HEX.matcher(emailSha256).matches()) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has an emailSha256 that is not 64 hex digits");
        }
        return emailSha256;
    }

    private static <T> T required(T value, String field, EventHandlers.Event event) {
        if (value == null) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has no " + field);
        }
        return value;
    }
}

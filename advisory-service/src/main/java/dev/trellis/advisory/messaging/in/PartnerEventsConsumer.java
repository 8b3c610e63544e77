package dev.trellis.advisory.messaging.in;

import dev.trellis.advisory.persistence.ContactReadModel;
import dev.trellis.advisory.persistence.PartnerReadModel;
import dev.trellis.advisory.service.SeatService;
import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read model of partners, memberships, affiliations and contacts ({@link PartnerReadModel},
 * {@link ContactReadModel}) in step with partner-service, once per event, and re-checks every board's
 * seats in the same transaction: a lapse flags tier seats, an ended affiliation flags (or ends) the
 * holder's seats, a tier change recomputes entitlements once it takes effect, an erasure vacates the
 * person's seats. Partner events a board does not need (touchpoints, portal users) are passed over.
 */
@ApplicationScoped
public class PartnerEventsConsumer {
    /** The inbox key: renaming it replays every event still on the topic. */
    static final String CONSUMER = "advisory.partner-view";

    static final String CHANNEL = "partner-events";
    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public PartnerEventsConsumer(EventDispatcher dispatcher, PartnerReadModel model, ContactReadModel contacts, SeatService seats) {
        this.dispatcher = dispatcher;
        this.handlers = dispatcher.register(CHANNEL, EventHandlers.consumer(CONSUMER)
                .on(PartnerRegistered.class, rechecked(seats, (p, e) -> model.partner(p.partnerId(), p.name(),
                        p.lifecycleStatus().name(), p.parentPartnerId(), e.time())))
                .on(PartnerChanged.class, rechecked(seats, (p, e) -> model.partner(p.partnerId(), p.name(),
                        p.lifecycleStatus().name(), p.parentPartnerId(), e.time())))
                .on(MembershipChanged.class, rechecked(seats, (m, e) -> model.membership(m, e.time())))
                .on(PartnerLapsed.class, rechecked(seats, (p, e) -> model.lifecycle(p.partnerId(), "LAPSED", e.time())))
                .on(PartnerReactivated.class, rechecked(seats, (p, e) -> model.lifecycle(p.partnerId(), "ACTIVE", e.time())))
                .on(AffiliationStarted.class, rechecked(seats, (a, e) -> model.affiliation(a.affiliationId(), a.contactId(),
                        a.partnerId(), a.role().name(), a.startDate(), null, e.time())))
                .on(AffiliationEnded.class, rechecked(seats, (a, e) -> model.affiliation(a.affiliationId(), a.contactId(),
                        a.partnerId(), a.role().name(), a.startDate(), a.endDate(), e.time())))
                // a registration changes no seat: no re-check
                .on(ContactRegistered.class, (c, e) -> contacts.registered(c.contactId(), e.time()))
                .on(ContactErased.class, rechecked(seats, (c, e) -> seats.contactErased(c.contactId(), e.time(), c.requestId(), c.emailSha256())))
                .build());
    }

    /** The effect, then every board's seats re-checked, in the event's transaction. */
    private static <P> EventHandlers.Handler<P> rechecked(SeatService seats, EventHandlers.Handler<P> effect) {
        return (payload, event) -> {
            effect.handle(payload, event);
            seats.reconcileAll();
        };
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(handlers, record);
    }
}

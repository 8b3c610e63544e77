package dev.trellis.advisory.messaging.in;

import dev.trellis.advisory.persistence.PartnerReadModel;
import dev.trellis.advisory.service.SeatService;
import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.AffiliationStarted;
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
 * Keeps the read model of partners and affiliations ({@link PartnerReadModel}) in step with
 * partner-service, once per event, and re-checks every board's seats in the same transaction: a lapse
 * flags tier seats, an ended affiliation flags (or ends) the holder's seats, a tier change recomputes
 * entitlements. Partner events a board does not need (touchpoints, portal users, erasures) are passed over.
 */
@ApplicationScoped
public class PartnerEventsConsumer {
    /** The inbox key: renaming it replays every event still on the topic. */
    static final String CONSUMER = "advisory.partner-view";

    static final String CHANNEL = "partner-events";
    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public PartnerEventsConsumer(EventDispatcher dispatcher, PartnerReadModel model, SeatService seats) {
        this.dispatcher = dispatcher;
        this.handlers = dispatcher.register(CHANNEL, EventHandlers.consumer(CONSUMER)
                .on(PartnerRegistered.class, (p, e) -> model.partner(p.partnerId(), p.name(), p.lifecycleStatus().name(),
                        p.parentPartnerId(), e.time()))
                .on(PartnerChanged.class, (p, e) -> model.partner(p.partnerId(), p.name(), p.lifecycleStatus().name(),
                        p.parentPartnerId(), e.time()))
                .on(MembershipChanged.class, (m, e) -> model.membership(m.partnerId(), m.tier(), m.status().name(), e.time()))
                .on(PartnerLapsed.class, (p, e) -> model.lifecycle(p.partnerId(), "LAPSED", e.time()))
                .on(PartnerReactivated.class, (p, e) -> model.lifecycle(p.partnerId(), "ACTIVE", e.time()))
                .on(AffiliationStarted.class, (a, e) -> model.affiliation(a.affiliationId(), a.contactId(), a.partnerId(),
                        a.role().name(), a.startDate(), null, e.time()))
                .on(AffiliationEnded.class, (a, e) -> model.affiliation(a.affiliationId(), a.contactId(), a.partnerId(),
                        a.role().name(), a.startDate(), a.endDate(), e.time()))
                .afterEach(seats::reconcileAll)
                .build());
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(handlers, record);
    }
}

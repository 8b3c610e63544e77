package dev.trellis.insights.messaging.in;

import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.NextStepChanged;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.contracts.partner.TouchpointLogged;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.insights.persistence.InsightsReadModel;
import dev.trellis.insights.service.ContactErasureService;
import dev.trellis.insights.service.HealthService;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * partner-service's events: partners (with their email domains) and their memberships into the read model, touchpoints and membership changes
 * onto the timeline; the partner's health is marked due in the same
 * transaction (HealthRecomputer computes it after the commit). Touchpoints carry type, date and
 * whether an executive attended, never their notes.
 */
@ApplicationScoped
public class PartnerEventsConsumer {
    static final String CHANNEL = "partner-events";
    /** The inbox key: renaming it replays every event still on the topic. */
    static final String CONSUMER = "insights.partner";

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public PartnerEventsConsumer(EventDispatcher dispatcher, InsightsReadModel model, HealthService health,
            ContactErasureService erasures) {
        this.dispatcher = dispatcher;
        this.handlers = dispatcher.register(CHANNEL, EventHandlers.consumer(CONSUMER)
                .on(PartnerRegistered.class, (p, e) -> {
                    model.partner(p.partnerId(), p.name(), p.lifecycleStatus().name(), p.parentPartnerId(), e.time());
                    model.domains(p.partnerId(), p.emailDomains());
                    health.recompute(p.partnerId());
                })
                .on(PartnerChanged.class, (p, e) -> {
                    model.partner(p.partnerId(), p.name(), p.lifecycleStatus().name(), p.parentPartnerId(), e.time());
                    model.domains(p.partnerId(), p.emailDomains());
                    health.recompute(p.partnerId());
                })
                .on(PartnerLapsed.class, (p, e) -> {
                    model.lifecycle(p.partnerId(), "LAPSED", e.time());
                    health.recompute(p.partnerId());
                })
                .on(PartnerReactivated.class, (p, e) -> {
                    model.lifecycle(p.partnerId(), "ACTIVE", e.time());
                    health.recompute(p.partnerId());
                })
                .on(MembershipChanged.class, (m, e) -> {
                    model.membership(m, e.id(), e.time());
                    health.recompute(m.partnerId());
                })
                .on(NextStepChanged.class, (n, e) -> {
                    model.nextStep(n.nextStepId(), n.partnerId(), n.dueOn(), n.done(), e.time());
                    health.recompute(n.partnerId());
                })
                .on(TouchpointLogged.class, (t, e) -> {
                    UUID partner = t.partnerId();
                    model.timeline(e.id(), partner, t.occurredOn().atStartOfDay(ZoneOffset.UTC).toInstant(), TimelineKind.TOUCHPOINT,
                            "touchpoint", t.touchpointId(), null, t.executive(), (t.executive() ? "Executive " : "")
                                    + t.type().name().toLowerCase().replace('_', ' ') + " with " + t.attendeeContactIds().size()
                                    + " of the partner's people", t.type().name());
                    health.recompute(partner);
                })
                // the registrations keep their domain and counts, not the person
                .on(ContactErased.class, (c, e) -> erasures.erase(c.contactId(), c.requestId()))
                .build());
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return dispatcher.dispatch(handlers, batch);
    }
}

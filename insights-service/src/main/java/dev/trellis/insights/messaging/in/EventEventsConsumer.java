package dev.trellis.insights.messaging.in;

import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.event.RegistrationRecorded;
import dev.trellis.contracts.event.SponsorshipConfirmed;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.insights.persistence.InsightsReadModel;
import dev.trellis.insights.service.HealthService;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * event-service's events: registrations, attendance and sponsorships of a partner's people onto its timeline (a
 * guest's, with no partner, on none); the partner's health is marked due in the same
 * transaction (HealthRecomputer computes it after the commit). Every registration,
 * a guest's too, is kept with its email's domain for the growth leads.
 */
@ApplicationScoped
public class EventEventsConsumer {
    static final String CHANNEL = "event-events";
    static final String CONSUMER = "insights.event";

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public EventEventsConsumer(EventDispatcher dispatcher, InsightsReadModel model, HealthService health) {
        this.dispatcher = dispatcher;
        this.handlers = dispatcher.register(CHANNEL, EventHandlers.consumer(CONSUMER)
                .on(RegistrationRecorded.class, (r, e) -> {
                    model.registration(r.registrationId(), r.eventId(), r.contactId(), r.partnerId(), r.emailDomain(),
                            r.status() == null ? null : r.status().name(), null, e.time());
                    if (r.partnerId() != null) {
                        model.timeline(e.id(), r.partnerId(), e.time(), TimelineKind.REGISTRATION, "registration", r.registrationId(),
                                r.eventId(), false, "Registration " + r.status().name().toLowerCase(), r.status().name());
                    }
                })
                .on(AttendanceRecorded.class, (a, e) -> {
                    model.registration(a.registrationId(), a.eventId(), a.contactId(), a.partnerId(), a.emailDomain(), null,
                            a.attended(), e.time());
                    if (a.partnerId() != null) {
                        model.timeline(e.id(), a.partnerId(), e.time(), a.attended() ? TimelineKind.ATTENDED : TimelineKind.NO_SHOW,
                                "registration", a.registrationId(), a.eventId(), false, a.attended() ? "Attended an event" : "Did not attend");
                        health.recompute(a.partnerId());
                    }
                })
                .on(SponsorshipConfirmed.class, (s, e) -> {
                    model.timeline(e.id(), s.partnerId(), e.time(), TimelineKind.SPONSORED, "sponsorship", s.sponsorshipId(), s.eventId(),
                            false, "Sponsorship confirmed" + (s.level() == null ? "" : ": " + s.level()), s.level());
                    health.recompute(s.partnerId());
                })
                .build());
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return dispatcher.dispatch(handlers, batch);
    }
}

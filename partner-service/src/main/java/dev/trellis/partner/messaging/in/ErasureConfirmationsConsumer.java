package dev.trellis.partner.messaging.in;

import dev.trellis.partner.service.ErasureService;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import dev.trellis.platform.messaging.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The services' confirmations of erasure requests (their erasure-completed events), recorded once per event on
 * the request's step. Every other event on these topics has no handler and is passed over.
 */
@ApplicationScoped
public class ErasureConfirmationsConsumer {
    static final String ADVISORY = "advisory-events";
    static final String EVENT = "event-events";
    static final String INSIGHTS = "insights-events";

    private final EventDispatcher dispatcher;
    private final EventHandlers advisory;
    private final EventHandlers event;
    private final EventHandlers insights;

    public ErasureConfirmationsConsumer(EventDispatcher dispatcher, ErasureService erasures) {
        this.dispatcher = dispatcher;
        // The inbox keys: renaming one replays every event still on its topic (harmless: a step keeps its first time).
        this.advisory = dispatcher.register(ADVISORY, EventHandlers.consumer("partner.erasure-confirmations.advisory")
                .on(dev.trellis.contracts.advisory.ErasureCompleted.class, (c, e) -> erasures.confirm(
                        required(c.requestId(), "requestId", e), "advisory", required(c.completedAt(), "completedAt", e)))
                .build());
        this.event = dispatcher.register(EVENT, EventHandlers.consumer("partner.erasure-confirmations.event")
                .on(dev.trellis.contracts.event.ErasureCompleted.class, (c, e) -> erasures.confirm(
                        required(c.requestId(), "requestId", e), "event", required(c.completedAt(), "completedAt", e)))
                .build());
        this.insights = dispatcher.register(INSIGHTS, EventHandlers.consumer("partner.erasure-confirmations.insights")
                .on(dev.trellis.contracts.insights.ErasureCompleted.class, (c, e) -> erasures.confirm(
                        required(c.requestId(), "requestId", e), "insights", required(c.completedAt(), "completedAt", e)))
                .build());
    }

    @Incoming(ADVISORY)
    @Blocking
    public void onAdvisory(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(advisory, record);
    }

    @Incoming(EVENT)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(event, record);
    }

    @Incoming(INSIGHTS)
    @Blocking
    public void onInsights(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(insights, record);
    }

    private static <T> T required(T value, String field, EventHandlers.Event event) {
        if (value == null) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has no " + field);
        }
        return value;
    }
}

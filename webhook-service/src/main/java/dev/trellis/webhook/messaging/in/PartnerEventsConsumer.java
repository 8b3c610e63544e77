package dev.trellis.webhook.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** partner-service's events, matched against the subscriptions. */
@ApplicationScoped
public class PartnerEventsConsumer {
    static final String CHANNEL = "partner-events";
    /** The inbox key: renaming it replays every event still on the topic. */
    static final String CONSUMER = "webhook.partner";

    private final EventIntake intake;

    public PartnerEventsConsumer(EventIntake intake) {
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return intake.take(CONSUMER, batch);
    }
}

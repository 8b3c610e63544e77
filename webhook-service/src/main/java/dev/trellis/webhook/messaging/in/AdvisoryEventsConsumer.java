package dev.trellis.webhook.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** advisory-service's events, matched against the subscriptions. */
@ApplicationScoped
public class AdvisoryEventsConsumer {
    static final String CHANNEL = "advisory-events";
    /** The inbox key: renaming it replays every event still on the topic. */
    static final String CONSUMER = "webhook.advisory";

    private final EventIntake intake;

    public AdvisoryEventsConsumer(EventIntake intake) {
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return intake.take(CONSUMER, batch);
    }
}

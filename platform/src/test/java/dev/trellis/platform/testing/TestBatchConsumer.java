package dev.trellis.platform.testing;

import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A batch consumer shaped like insights-service's: every poll through {@link EventDispatcher} in one transaction. */
@ApplicationScoped
public class TestBatchConsumer {
    public static final String REFUSED_NAME = "Refused Ltd";
    public static final String CONSUMER = "platform-batch-test";

    private final List<Integer> batches = new CopyOnWriteArrayList<>();

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public TestBatchConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.handlers = dispatcher.register("platform-batch-test", EventHandlers.consumer(CONSUMER)
                .on(PartnerRegistered.class, (p, event) -> {
                    if (REFUSED_NAME.equals(p.name())) {
                        throw InvalidInput.field("name", "is refused by this consumer");
                    }
                    TestEffect effect = new TestEffect();
                    effect.eventId = event.id();
                    effect.payload = p.name();
                    effect.persist();
                }).build());
    }

    /** The sizes of the batches it was given. */
    public List<Integer> batchSizes() {
        return List.copyOf(batches);
    }

    @Incoming("platform-batch-test")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        batches.add(batch.getRecords().size());
        return dispatcher.dispatch(handlers, batch);
    }
}

package dev.trellis.webhook.messaging.in;

import dev.trellis.contracts.EventCatalog;
import dev.trellis.platform.messaging.CloudEvent;
import dev.trellis.platform.messaging.ConsumerSpans;
import dev.trellis.platform.messaging.ConsumerConfig;
import dev.trellis.platform.messaging.ConsumerHealth;
import dev.trellis.platform.messaging.Inbox;
import dev.trellis.platform.messaging.MalformedEventException;
import dev.trellis.webhook.service.DeliveryMatcher;
import dev.trellis.webhook.service.DeliveryMatcher.Matchable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The consumer shell of webhook-service, the platform EventDispatcher's rules for a consumer that needs every event
 * whole (its attributes and its payload as written, to send on) rather than read into a contract record: a poll's
 * events are matched in one transaction with their inbox rows, each exactly once, in their order; a record that is no
 * CloudEvent of the catalog, or whose payload is no JSON object, goes to the dead-letter topic alone; any other
 * failure (the database down) retries the batch with backoff, holding the partition so that its order holds. It
 * reports to the platform's {@link ConsumerHealth} like the EventDispatcher does: events applied and duplicates
 * skipped, dead letters, and a stall while it retries (readiness "Event consumers" DOWN, {@code trellis.consumer.stalled}).
 * Each record is matched inside a consumer span that continues its trace ({@link ConsumerSpans}).
 */
@ApplicationScoped
public class EventIntake {
    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final Inbox inbox;
    private final DeliveryMatcher matcher;
    private final ConsumerConfig config;
    private final ConsumerHealth health;
    private final ConsumerSpans spans;

    public EventIntake(Inbox inbox, DeliveryMatcher matcher, ConsumerConfig config, ConsumerHealth health,
            ConsumerSpans spans) {
        this.inbox = inbox;
        this.matcher = matcher;
        this.config = config;
        this.health = health;
        this.spans = spans;
    }

    public CompletionStage<Void> take(String consumer, KafkaRecordBatch<?, ?> batch) {
        List<Matchable> ready = new ArrayList<>();
        List<Span> traced = new ArrayList<>();
        for (KafkaRecord<?, ?> message : batch.getRecords()) {
            ConsumerRecord<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getRecord)
                    .orElseThrow(() -> new IllegalStateException("a batch record without its Kafka record"));
            Span span = spans.start(consumer, record);
            traced.add(span);
            try {
                CloudEvent event = CloudEvent.fromKafka(record);
                if (EventCatalog.byType(event.type()).isEmpty()) {
                    throw new MalformedEventException("event type " + event.type() + " is not in the catalog");
                }
                ready.add(matcher.read(event));
            } catch (MalformedEventException e) {
                LOG.warnf("Consumer %s sends a record to the dead-letter topic: %s", consumer, e.getMessage());
                span.setStatus(StatusCode.ERROR, "sent to the dead-letter topic: " + e.getMessage());
                message.nack(e).toCompletableFuture().join();
                health.deadLettered(consumer);
            }
        }
        try {
            if (!ready.isEmpty()) {
                applyUntilDone(consumer, ready);
            }
        } finally {
            traced.forEach(Span::end);
        }
        return batch.ack();
    }

    private void applyUntilDone(String consumer, List<Matchable> ready) {
        long backoff = config.initialBackoff().toMillis();
        List<CloudEvent> events = ready.stream().map(Matchable::event).toList();
        for (int attempt = 1;; attempt++) {
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> {
                    Set<String> first = new HashSet<>(inbox.firstDeliveries(consumer, events));
                    List<Matchable> fresh = new ArrayList<>();
                    for (Matchable m : ready) {
                        if (first.remove(m.event().id())) {
                            fresh.add(m);
                        }
                    }
                    matcher.match(fresh);
                    return fresh.size();
                });
                for (int i = 0; i < events.size(); i++) {
                    if (i < applied) {
                        health.processed(consumer);
                    } else {
                        health.skipped(consumer);
                    }
                }
                return;
            } catch (RuntimeException e) {
                health.retrying(consumer, events.get(0), attempt, e);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Consumer %s could not match a batch of %d events (attempt %d), retrying in %d ms: %s",
                            consumer, events.size(), attempt, backoff, e.toString());
                }
                // Ignores interrupts: the batch must not be acknowledged unmatched because the application stops.
                long deadline = System.nanoTime() + backoff * 1_000_000L;
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                    Thread.interrupted();
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }
}

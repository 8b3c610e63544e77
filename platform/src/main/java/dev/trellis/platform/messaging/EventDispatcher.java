package dev.trellis.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.EventCatalog;
import dev.trellis.platform.domain.DomainException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one consumer shell: reads a Kafka record as a CloudEvent, picks the handler for its type, reads
 * the payload into the type's record, and applies the effect exactly once (the {@link Inbox} row and
 * the effect in one new transaction).
 *
 * <p>Failures come in two kinds, and only one of them reaches the dead-letter topic:
 * <ul>
 * <li>a record that can never be processed (not a CloudEvent, a type the catalog does not know, an
 * unreadable or empty payload, or an effect that refuses it with a {@link DomainException}) raises
 * {@link MalformedEventException}; the channel's {@code failure-strategy=dead-letter-queue} then moves
 * it to the dead-letter topic with the reason, and the consumer goes on;
 * <li>any other failure of the effect (the database down, a lock or transaction timeout, a bug) is
 * retried with exponential backoff for as long as it takes, holding the partition so that its order
 * holds; {@link ConsumerHealth} shows the stall in readiness and metrics meanwhile.
 * </ul>
 * Call it from a blocking {@code @Incoming} method:
 *
 * <pre>{@code
 * @Incoming("partner-events")
 * @Blocking
 * public void on(ConsumerRecord<String, String> record) {
 *     dispatcher.dispatch(handlers, record);
 * }
 * }</pre>
 *
 * <p>A consumer that must keep up with bursts (a replay of a topic) takes the records a poll returned as one batch
 * ({@code mp.messaging.incoming.<channel>.batch=true}) and applies them in one transaction:
 *
 * <pre>{@code
 * @Incoming("partner-events")
 * @Blocking
 * public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
 *     return dispatcher.dispatch(handlers, batch);
 * }
 * }</pre>
 * The same two kinds of failure hold per record: a record that can never be processed goes to the dead-letter topic
 * alone (the others are applied without it), and any other failure retries the whole batch.
 *
 * <p>Each record is processed inside a consumer span that is a child of the trace context the record carries (the
 * outbox relay's publishing span, {@link TraceContext}), so the effect joins the trace of the change that caused it;
 * a record's span is current while its effect runs (in a batch too), so events the effect writes to the outbox
 * continue it.
 */
@ApplicationScoped
public class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);
    /** How many events of a batch the session keeps before it is cleared. */
    private static final int FORGET_EVERY = 32;

    private final Inbox inbox;
    private final EntityManager em;
    private final ObjectMapper json;
    private final ConsumerHealth health;
    private final ConsumerConfig config;
    private final ConsumerSpans spans;
    private final java.util.Map<String, EventHandlers> byChannel = new java.util.concurrent.ConcurrentHashMap<>();

    public EventDispatcher(Inbox inbox, EntityManager em, ObjectMapper json, ConsumerHealth health, ConsumerConfig config,
            ConsumerSpans spans) {
        this.inbox = inbox;
        this.em = em;
        this.json = json;
        this.health = health;
        this.config = config;
        this.spans = spans;
    }

    /**
     * Remembers which handlers consume {@code channel}, so its dead letters can be replayed through them
     * ({@link DeadLetters}). Call it once, where the consumer builds its handlers.
     *
     * @return the handlers, for the consumer to keep
     */
    public EventHandlers register(String channel, EventHandlers handlers) {
        if (byChannel.putIfAbsent(channel, handlers) != null && byChannel.get(channel) != handlers) {
            throw new IllegalStateException("channel " + channel + " already has handlers");
        }
        return handlers;
    }

    /** The handlers registered for {@code channel}, if any. */
    public java.util.Optional<EventHandlers> handlersOf(String channel) {
        return java.util.Optional.ofNullable(byChannel.get(channel));
    }

    /**
     * @return true if the effect ran; false for a duplicate or a type this consumer does not handle
     * @throws MalformedEventException for a record that belongs on the dead-letter topic
     */
    public boolean dispatch(EventHandlers handlers, ConsumerRecord<?, ?> record) {
        String consumer = handlers.consumer();
        Span span = spans.start(consumer, record);
        try (Scope scope = span.makeCurrent()) {
            Ready ready = prepare(handlers, record);
            if (ready == null) {
                health.skipped(consumer);
                return false;
            }
            boolean applied = applyUntilDone(handlers, ready.event(), ready.registration(), ready.payload(), ready.meta());
            if (applied) {
                health.processed(consumer);
            } else {
                health.skipped(consumer);
            }
            span.setAttribute("trellis.consumer.applied", applied);
            return applied;
        } catch (MalformedEventException e) {
            health.deadLettered(consumer);
            span.setStatus(StatusCode.ERROR, "sent to the dead-letter topic: " + e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    /** An event that is ready to apply: read, of a type this consumer handles. */
    private record Ready(CloudEvent event, EventHandlers.Registration<?> registration, Object payload, EventHandlers.Event meta) {
    }

    /** A record of a batch that belongs on the dead-letter topic, and why. */
    private record Dead(KafkaRecord<?, ?> record, MalformedEventException reason) {
    }

    /**
     * Applies a poll's records in one transaction with their inbox rows (one statement for all of them), each exactly
     * once, in their order. Records that can never be processed go to the dead-letter topic, each alone: a record that
     * cannot be read is set aside before the transaction; if an effect refuses its event ({@link DomainException}),
     * the batch is rolled back and its events applied one per transaction, so that only the refused one is
     * dead-lettered. Any other failure retries the batch until it succeeds, as for a single record.
     *
     * @return the acknowledgement of the batch, once its effects are committed and its dead letters written
     */
    public CompletionStage<Void> dispatch(EventHandlers handlers, KafkaRecordBatch<?, ?> batch) {
        String consumer = handlers.consumer();
        List<Ready> ready = new ArrayList<>();
        List<KafkaRecord<?, ?>> readyRecords = new ArrayList<>();
        List<Dead> dead = new ArrayList<>();
        // One span per record, each a child of its own record's context, spanning the batch's transaction.
        java.util.Map<KafkaRecord<?, ?>, Span> traced = new java.util.IdentityHashMap<>();
        List<Span> readySpans = new ArrayList<>();
        for (KafkaRecord<?, ?> message : batch.getRecords()) {
            ConsumerRecord<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getRecord)
                    .orElseThrow(() -> new IllegalStateException("a batch record without its Kafka record"));
            traced.put(message, spans.start(consumer, record));
            try {
                Ready event = prepare(handlers, record);
                if (event == null) {
                    health.skipped(consumer);
                } else {
                    ready.add(event);
                    readyRecords.add(message);
                    readySpans.add(traced.get(message));
                }
            } catch (MalformedEventException e) {
                dead.add(new Dead(message, e));
            }
        }
        if (!ready.isEmpty()) {
            try {
                int applied = applyBatchUntilDone(handlers, ready, readySpans);
                for (int i = 0; i < ready.size(); i++) {
                    if (i < applied) {
                        health.processed(consumer);
                    } else {
                        health.skipped(consumer);
                    }
                }
            } catch (MalformedEventException refused) {
                // One of the effects refused its event: find it, applying them one at a time.
                for (int i = 0; i < ready.size(); i++) {
                    Ready event = ready.get(i);
                    try (Scope scope = readySpans.get(i).makeCurrent()) {
                        if (applyUntilDone(handlers, event.event(), event.registration(), event.payload(), event.meta())) {
                            health.processed(consumer);
                        } else {
                            health.skipped(consumer);
                        }
                    } catch (MalformedEventException e) {
                        dead.add(new Dead(readyRecords.get(i), e));
                    }
                }
            }
        }
        for (Dead letter : dead) {
            Span span = traced.get(letter.record());
            if (span != null) {
                span.setStatus(StatusCode.ERROR, "sent to the dead-letter topic: " + letter.reason().getMessage());
            }
        }
        traced.values().forEach(Span::end);
        for (Dead letter : dead) {
            health.deadLettered(consumer);
            LOG.warnf("Consumer %s sends a record to the dead-letter topic: %s", consumer, letter.reason().getMessage());
            // The failure strategy writes it to the dead-letter topic (and acknowledges it) before this goes on.
            letter.record().nack(letter.reason()).toCompletableFuture().join();
        }
        return batch.ack();
    }

    /** @return the event ready to apply, or null for a type this consumer does not handle */
    private Ready prepare(EventHandlers handlers, ConsumerRecord<?, ?> record) {
        CloudEvent event = CloudEvent.fromKafka(record);
        if (EventCatalog.byType(event.type()).isEmpty()) {
            throw new MalformedEventException("event type " + event.type() + " is not in the catalog");
        }
        EventHandlers.Registration<?> registration = handlers.handler(event.type());
        if (registration == null) {
            return null;
        }
        Object payload = read(event, registration.payload());
        return new Ready(event, registration, payload, new EventHandlers.Event(event.id(), event.type(), event.subject(),
                event.time() == null ? Instant.now() : event.time()));
    }

    /**
     * One transaction per attempt for the whole batch. @return how many effects ran (the others were duplicates), the
     * ones that ran being counted first
     * @throws MalformedEventException if an effect refused its event (the batch is rolled back)
     */
    private int applyBatchUntilDone(EventHandlers handlers, List<Ready> ready, List<Span> spans) {
        long backoff = config.initialBackoff().toMillis();
        List<CloudEvent> events = ready.stream().map(Ready::event).toList();
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Set<String> first = new HashSet<>(inbox.firstDeliveries(handlers.consumer(), events));
                    int applied = 0;
                    for (int i = 0; i < ready.size(); i++) {
                        Ready event = ready.get(i);
                        // remove: an event twice in one batch is applied once
                        if (first.remove(event.event().id())) {
                            // The event's span is current in its effect: events the effect writes continue its trace.
                            try (Scope scope = spans.get(i).makeCurrent()) {
                                event.registration().apply(event.payload(), event.meta());
                            }
                            handlers.afterEach().run();
                            // Each event's changes go to the database before the next, and every few events the
                            // session forgets them: each query of a later event would otherwise check all of them
                            // for changes, and a batch of hundreds would cost their square.
                            em.flush();
                            if (++applied % FORGET_EVERY == 0) {
                                em.clear();
                            }
                        }
                    }
                    return applied;
                });
            } catch (RuntimeException e) {
                DomainException refusal = domainCause(e);
                if (refusal != null || e instanceof MalformedEventException) {
                    throw new MalformedEventException("an effect in the batch refused its event", e);
                }
                CloudEvent event = events.get(0);
                health.retrying(handlers.consumer(), event, attempt, e);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Consumer %s could not apply a batch of %d events from %s %s (attempt %d), retrying in %d ms: %s",
                            handlers.consumer(), events.size(), event.type(), event.id(), attempt, backoff, e.toString());
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** One transaction per attempt; an attempt that fails outside the event is retried until one succeeds. */
    private boolean applyUntilDone(EventHandlers handlers, CloudEvent event, EventHandlers.Registration<?> registration,
            Object payload, EventHandlers.Event meta) {
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(handlers.consumer(), event)) {
                        LOG.debugf("Consumer %s skipped duplicate event %s (%s)", handlers.consumer(), event.id(),
                                event.type());
                        return false;
                    }
                    registration.apply(payload, meta);
                    handlers.afterEach().run();
                    return true;
                });
            } catch (RuntimeException e) {
                DomainException refusal = domainCause(e);
                if (refusal != null) {
                    throw new MalformedEventException("the effect of " + event.type() + " " + event.id()
                            + " was refused: " + refusal.getMessage(), e);
                }
                if (e instanceof MalformedEventException) {
                    throw e;
                }
                health.retrying(handlers.consumer(), event, attempt, e);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Consumer %s could not apply %s %s (attempt %d), retrying in %d ms: %s",
                            handlers.consumer(), event.type(), event.id(), attempt, backoff, e.toString());
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private static DomainException domainCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    /**
     * Sleeps, ignoring interrupts: an event must not be acknowledged (lost) nor dead-lettered because
     * the application is stopping; the process ends and the event is redelivered after a restart.
     */
    private static void pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            Thread.interrupted();
        }
    }

    private Object read(CloudEvent event, Class<?> type) {
        if (event.data() == null || event.data().isBlank()) {
            throw new MalformedEventException("empty " + event.type() + " payload");
        }
        try {
            Object value = json.readValue(event.data(), type);
            if (value == null) {
                throw new MalformedEventException("empty " + event.type() + " payload");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable " + event.type() + " payload: " + e.getMessage(), e);
        }
    }
}

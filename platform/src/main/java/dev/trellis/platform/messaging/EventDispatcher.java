package dev.trellis.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.EventCatalog;
import dev.trellis.platform.domain.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
 */
@ApplicationScoped
public class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    private final Inbox inbox;
    private final ObjectMapper json;
    private final ConsumerHealth health;
    private final ConsumerConfig config;
    private final java.util.Map<String, EventHandlers> byChannel = new java.util.concurrent.ConcurrentHashMap<>();

    public EventDispatcher(Inbox inbox, ObjectMapper json, ConsumerHealth health, ConsumerConfig config) {
        this.inbox = inbox;
        this.json = json;
        this.health = health;
        this.config = config;
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
        try {
            CloudEvent event = CloudEvent.fromKafka(record);
            if (EventCatalog.byType(event.type()).isEmpty()) {
                throw new MalformedEventException("event type " + event.type() + " is not in the catalog");
            }
            EventHandlers.Registration<?> registration = handlers.handler(event.type());
            if (registration == null) {
                health.skipped(consumer);
                return false;
            }
            Object payload = read(event, registration.payload());
            EventHandlers.Event meta = new EventHandlers.Event(event.id(), event.type(), event.subject(),
                    event.time() == null ? Instant.now() : event.time());
            boolean applied = applyUntilDone(handlers, event, registration, payload, meta);
            if (applied) {
                health.processed(consumer);
            } else {
                health.skipped(consumer);
            }
            return applied;
        } catch (MalformedEventException e) {
            health.deadLettered(consumer);
            throw e;
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

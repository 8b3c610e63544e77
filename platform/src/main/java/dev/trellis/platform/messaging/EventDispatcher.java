package dev.trellis.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.EventCatalog;
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
 * <p>A record that can never be processed (not a CloudEvent, a type the catalog does not know, an
 * unreadable or empty payload) raises {@link MalformedEventException}; the channel's
 * {@code failure-strategy=dead-letter-queue} then moves it to the dead-letter topic with the reason.
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

    public EventDispatcher(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /**
     * @return true if the effect ran; false for a duplicate or a type this consumer does not handle
     * @throws MalformedEventException for a record that belongs on the dead-letter topic
     */
    public boolean dispatch(EventHandlers handlers, ConsumerRecord<?, ?> record) {
        CloudEvent event = CloudEvent.fromKafka(record);
        if (EventCatalog.byType(event.type()).isEmpty()) {
            throw new MalformedEventException("event type " + event.type() + " is not in the catalog");
        }
        EventHandlers.Registration<?> registration = handlers.handler(event.type());
        if (registration == null) {
            return false;
        }
        Object payload = read(event, registration.payload());
        EventHandlers.Event meta = new EventHandlers.Event(event.id(), event.type(), event.subject(),
                event.time() == null ? Instant.now() : event.time());
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(handlers.consumer(), event)) {
                LOG.debugf("Consumer %s skipped duplicate event %s (%s)", handlers.consumer(), event.id(), event.type());
                return false;
            }
            registration.apply(payload, meta);
            handlers.afterEach().run();
            return true;
        });
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

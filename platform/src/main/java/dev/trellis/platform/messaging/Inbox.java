package dev.trellis.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import dev.trellis.platform.persistence.TableStatements;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.query.NativeQuery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption. The event id is recorded in the same transaction as the consumer's effect,
 * so a redelivered event (after a rebalance, a crash or a relay retry) has its effect exactly once.
 *
 * <p>Use it from a blocking {@code @Incoming} method whose channel has
 * {@code failure-strategy=dead-letter-queue}: an exception rolls the effect back and the connector moves
 * the message, with the reason in its headers, to the dead-letter topic, and goes on with the next one.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Parses the record as a CloudEvent and, unless this consumer has processed its id before, applies
     * {@code effect} in a new transaction together with the inbox row.
     *
     * @param consumer a stable name for this consumer (one service may have several)
     * @return true if the effect ran, false if the event was a duplicate
     * @throws MalformedEventException if the record is not a CloudEvent
     */
    public boolean consume(String consumer, ConsumerRecord<?, ?> record, Consumer<CloudEvent> effect) {
        CloudEvent event = CloudEvent.fromKafka(record);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!firstDelivery(consumer, event)) {
                LOG.debugf("Consumer %s skipped duplicate event %s (%s)", consumer, event.id(), event.type());
                return false;
            }
            effect.accept(event);
            return true;
        });
    }

    /** Records the event id for this consumer in the current transaction. @return false if it was there already */
    public boolean firstDelivery(String consumer, CloudEvent event) {
        return inboxQuery("""
                insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                on conflict do nothing
                """)
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate() == 1;
    }

    /**
     * Records the ids of {@code events} for this consumer in the current transaction, in one statement.
     *
     * @return the ids that were not there already (each once, however often it occurs in {@code events})
     */
    public List<String> firstDeliveries(String consumer, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<?> rows = inboxQuery("""
                insert into inbox_event (consumer, event_id, event_type)
                select :consumer, e.id, e.type from unnest(cast(:ids as varchar[]), cast(:types as varchar[])) as e(id, type)
                on conflict do nothing
                returning event_id
                """)
                .setParameter("consumer", consumer)
                .setParameter("ids", events.stream().map(CloudEvent::id).toArray(String[]::new))
                .setParameter("types", events.stream().map(CloudEvent::type).toArray(String[]::new))
                .getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    private NativeQuery<?> inboxQuery(String sql) {
        return TableStatements.about(em, "inbox_event", sql);
    }
}

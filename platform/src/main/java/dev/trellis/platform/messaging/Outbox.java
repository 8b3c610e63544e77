package dev.trellis.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.EventCatalog;
import dev.trellis.contracts.EventType;
import dev.trellis.platform.persistence.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.lang.reflect.RecordComponent;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Records events as rows of the outbox table, inside the caller's business transaction. Nothing is sent
 * to Kafka here: the {@link OutboxRelay} publishes rows once their transaction has committed. Each row keeps the
 * current trace context ({@link TraceContext}), which the relay's publishing span continues.
 */
@ApplicationScoped
public class Outbox {
    /** Advisory-lock class for "one writer per aggregate at a time" (see {@link #record}). */
    static final int AGGREGATE_LOCK_CLASS = 0x7e11_0001;
    private static final Object SIGNAL_KEY = new Object();

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;
    private final String source;
    private final String topicPrefix;

    public Outbox(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            OutboxSignal signal, OutboxConfig config) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.signal = signal;
        this.source = config.source();
        this.topicPrefix = config.topicPrefix().orElse("");
    }

    /**
     * Records one event of the catalog. Must run inside the transaction that makes the business change.
     * Topic, CloudEvent type and key (the aggregate id, also the CloudEvent subject) all come from the
     * payload's entry in {@link EventCatalog}.
     *
     * @return the CloudEvent id, stable across retries of the publication
     * @throws IllegalArgumentException if the payload's type is not in the catalog or its key is null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(Record payload) {
        Objects.requireNonNull(payload, "payload");
        EventType type = EventCatalog.byPayload(payload.getClass()).orElseThrow(() -> new IllegalArgumentException(
                payload.getClass().getName() + " is not an event of the catalog (contracts EventCatalog)"));
        return record(type.topic(), type.type(), key(type, payload), payload);
    }

    /**
     * Records several events of the catalog, in order, as {@link #publish} records each one, but in one JDBC
     * batch: the same rows, locks and sequence order, one round trip. For bulk writes (a CSV import's chunk);
     * the caller flushes its own entities first, since this does not.
     *
     * @return the CloudEvent ids, in the payloads' order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<? extends Record> payloads) {
        List<UUID> ids = new ArrayList<>(payloads.size());
        if (payloads.isEmpty()) {
            return ids;
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, topic, aggregate_id, type, source, occurred_at, data, traceparent,
                        tracestate)
                    select ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?
                    from (select pg_advisory_xact_lock(?, hashtext(?))) as aggregate_lock
                    """)) {
                // Every row carries the trace of the request (or consumer) that wrote it; the relay continues it.
                TraceContext trace = TraceContext.current();
                for (Record payload : payloads) {
                    Objects.requireNonNull(payload, "payload");
                    EventType type = EventCatalog.byPayload(payload.getClass()).orElseThrow(() ->
                            new IllegalArgumentException(payload.getClass().getName()
                                    + " is not an event of the catalog (contracts EventCatalog)"));
                    String aggregate = key(type, payload);
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, topicPrefix + type.topic());
                    insert.setString(3, aggregate);
                    insert.setString(4, type.type());
                    insert.setString(5, source);
                    insert.setObject(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    insert.setString(7, json(type.type(), payload));
                    insert.setString(8, trace.traceparent());
                    insert.setString(9, trace.tracestate());
                    insert.setInt(10, AGGREGATE_LOCK_CLASS);
                    insert.setString(11, aggregate);
                    insert.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return ids;
    }

    private String json(String type, Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + type, e);
        }
    }

    /** The value of the payload's key field, as a string. */
    static String key(EventType type, Record payload) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(type.keyField())) {
                Object value;
                try {
                    value = component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + type.keyField() + " of " + type.type(), e);
                }
                if (value == null) {
                    throw new IllegalArgumentException(type.type() + " has no " + type.keyField() + ", its key");
                }
                return value.toString();
            }
        }
        throw new IllegalStateException(type.type() + " has no field " + type.keyField() + " (EventCatalog)");
    }

    /**
     * Records one event by explicit topic, type and key; services use {@link #publish}, this is for the
     * platform's own tests of events outside the catalog.
     *
     * <p>The row takes a transaction-scoped advisory lock on its aggregate before it draws its sequence
     * number, so for one aggregate the sequence order is the commit order, and the relay, which
     * publishes in sequence order, keeps each aggregate's events in order.
     *
     * @return the CloudEvent id, stable across retries of the publication
     */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID record(String topic, String type, String aggregateId, Object data) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        String payload;
        try {
            payload = json.writeValueAsString(Objects.requireNonNull(data, "data"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + type, e);
        }
        UUID id = UUID.randomUUID();
        TraceContext trace = TraceContext.current();
        em.createNativeQuery("""
                insert into outbox_event (id, topic, aggregate_id, type, source, occurred_at, data, traceparent, tracestate)
                select :id, :topic, :aggregate, :type, :source, :at, cast(:data as json), :traceparent, :tracestate
                from (select pg_advisory_xact_lock(:lockClass, hashtext(:aggregate))) as aggregate_lock
                """)
                .setParameter("id", id)
                .setParameter("topic", topicPrefix + topic)
                .setParameter("aggregate", aggregateId)
                .setParameter("type", type)
                .setParameter("source", source)
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("data", payload)
                .setParameter("traceparent", trace.traceparent())
                .setParameter("tracestate", trace.tracestate())
                .setParameter("lockClass", AGGREGATE_LOCK_CLASS)
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.once(transactions, SIGNAL_KEY, signal::committed);
    }
}

package dev.trellis.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/** One unpublished outbox row, as the relay sees it, with the trace context of the transaction that wrote it. */
public record OutboxMessage(long seq, UUID id, String topic, String aggregateId, String type, String source,
        Instant occurredAt, String data, TraceContext trace) {

    public OutboxMessage(long seq, UUID id, String topic, String aggregateId, String type, String source,
            Instant occurredAt, String data) {
        this(seq, id, topic, aggregateId, type, source, occurredAt, data, TraceContext.NONE);
    }
}

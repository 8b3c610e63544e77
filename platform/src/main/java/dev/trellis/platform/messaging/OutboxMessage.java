package dev.trellis.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/** One unpublished outbox row, as the relay sees it. */
public record OutboxMessage(long seq, UUID id, String topic, String aggregateId, String type, String source,
        Instant occurredAt, String data) {
}

package dev.trellis.insights.messaging.out;

import dev.trellis.contracts.insights.ErasureCompleted;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** insights-service's only events: its confirmations of erasure requests, in the caller's transaction. */
@ApplicationScoped
public class ErasureMessages {
    private final Outbox outbox;

    public ErasureMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    public void completed(UUID requestId, UUID contactId, Instant at) {
        outbox.publish(new ErasureCompleted(requestId, contactId, at));
    }
}

package dev.trellis.insights.service;

import dev.trellis.insights.messaging.out.ErasureMessages;
import dev.trellis.insights.persistence.InsightsReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A contact erased in partner-service: the read model keeps the registrations' domains and counts, not the person,
 * and erasure-completed confirms it to partner-service in the same transaction (the consumer's).
 */
@ApplicationScoped
public class ContactErasureService {
    private final InsightsReadModel model;
    private final ErasureMessages messages;
    private final Clock clock;

    public ContactErasureService(InsightsReadModel model, ErasureMessages messages, Clock clock) {
        this.model = model;
        this.messages = messages;
        this.clock = clock;
    }

    /** @param requestId the request to confirm; null in events sent before requests were tracked */
    @Transactional
    public void erase(UUID contactId, UUID requestId) {
        model.contactErased(contactId);
        if (requestId != null) {
            messages.completed(requestId, contactId, Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        }
    }
}

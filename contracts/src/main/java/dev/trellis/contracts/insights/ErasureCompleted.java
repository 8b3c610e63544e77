package dev.trellis.contracts.insights;

import java.time.Instant;
import java.util.UUID;

/**
 * insights-service finished its part of an erasure request (partner-service's contact-erased or guest-erasure-
 * requested): its read model holds nothing more about the contact than anonymous counts. partner-service records
 * it as that service's confirmation. Key: {@code requestId}.
 *
 * @param requestId   the erasure request
 * @param contactId   the erased contact; null for a guest-only erasure
 * @param completedAt when the service committed its part
 */
public record ErasureCompleted(UUID requestId, UUID contactId, Instant completedAt) {

    public static final String TYPE = "dev.trellis.insights.erasure-completed.v1";
}

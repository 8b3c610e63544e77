package dev.trellis.contracts.advisory;

import java.time.Instant;
import java.util.UUID;

/**
 * advisory-service finished its part of an erasure request (partner-service's contact-erased or guest-erasure-
 * requested): its seats held by the contact are vacated, alternates cleared and its contact view forgotten.
 * partner-service records it as that service's confirmation. Key: {@code requestId}.
 *
 * @param requestId   the erasure request
 * @param contactId   the erased contact; null for a guest-only erasure
 * @param completedAt when the service committed its part
 */
public record ErasureCompleted(UUID requestId, UUID contactId, Instant completedAt) {

    public static final String TYPE = "dev.trellis.advisory.erasure-completed.v1";
}

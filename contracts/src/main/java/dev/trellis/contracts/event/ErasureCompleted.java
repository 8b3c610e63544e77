package dev.trellis.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * event-service finished its part of an erasure request (partner-service's contact-erased or guest-erasure-
 * requested): registrations and sign-ups of the person (by contact, and by the address's digest) are anonymised,
 * their mails deleted and the contact's read-model rows forgotten. partner-service records it as that service's
 * confirmation. Key: {@code requestId}.
 *
 * @param requestId   the erasure request
 * @param contactId   the erased contact; null for a guest-only erasure
 * @param completedAt when the service committed its part
 */
public record ErasureCompleted(UUID requestId, UUID contactId, Instant completedAt) {

    public static final String TYPE = "dev.trellis.event.erasure-completed.v1";
}

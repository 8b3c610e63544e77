package dev.trellis.contracts.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * Foundation staff asked partner-service to erase an email address that belongs to no contact: a guest who
 * registered for events or signed up without being one. Carries the address's digest only, never the address.
 * event-service anonymises every registration and sign-up under that digest, deletes their mails and confirms
 * with its erasure-completed. Key: {@code requestId}.
 *
 * @param requestId   the erasure request (partner-service tracks its progress)
 * @param emailSha256 {@link ContactRegistered#emailSha256(String)} of the address to erase
 * @param requestedAt when partner-service recorded the request
 */
public record GuestErasureRequested(UUID requestId, String emailSha256, Instant requestedAt) {

    public static final String TYPE = "dev.trellis.partner.guest-erasure-requested.v1";
}

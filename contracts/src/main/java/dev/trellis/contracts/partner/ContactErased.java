package dev.trellis.contracts.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was erased for privacy. Every service must anonymise the records that statistics
 * still need and delete the rest. Key: {@code contactId} (not a partner: a contact may have
 * several affiliations or none), so this event is not ordered with the partner's events; a
 * consumer should remember erased ids and ignore later-arriving events that mention them.
 *
 * <p>A service that holds data about contacts confirms its part with its own {@code erasure-completed}
 * event naming {@code requestId}; partner-service shows the request's progress until all have.
 *
 * @param contactId   the erased contact
 * @param erasedAt    when partner-service carried out the erasure
 * @param requestId   the erasure request whose progress partner-service tracks; null in events sent before it was
 *                    carried (nothing to confirm then)
 * @param emailSha256 {@link ContactRegistered#emailSha256(String)} of the address the contact had, so that guest
 *                    registrations and sign-ups under the same address go too; null in events sent before it was
 *                    carried. The same pseudonym contact-registered carried, not a new disclosure
 */
public record ContactErased(UUID contactId, Instant erasedAt, UUID requestId, String emailSha256) {

    public static final String TYPE = "dev.trellis.partner.contact-erased.v1";
}

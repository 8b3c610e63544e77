package dev.trellis.contracts.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was erased for privacy. Every service must anonymise the records that statistics
 * still need and delete the rest. Key: {@code contactId} (not a partner: a contact may have
 * several affiliations or none), so this event is not ordered with the partner's events; a
 * consumer should remember erased ids and ignore later-arriving events that mention them.
 *
 * @param contactId the erased contact
 * @param erasedAt  when partner-service carried out the erasure
 */
public record ContactErased(UUID contactId, Instant erasedAt) {

    public static final String TYPE = "dev.trellis.partner.contact-erased.v1";
}

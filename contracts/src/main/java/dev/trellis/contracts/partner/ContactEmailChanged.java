package dev.trellis.contracts.partner;

import java.util.UUID;

/**
 * A contact's email address was changed in partner-service (by the community team; partners may not change
 * it). Carries the new address's digest only ({@link ContactRegistered#emailSha256(String)}), never the address.
 * Key: {@code contactId}, so it stays ordered with the contact's {@link ContactRegistered} and
 * {@link ContactErased}: the digest of the latest event about a contact is its address on record.
 *
 * @param contactId   the contact
 * @param emailSha256 {@link ContactRegistered#emailSha256(String)} of the new address
 */
public record ContactEmailChanged(UUID contactId, String emailSha256) {

    public static final String TYPE = "dev.trellis.partner.contact-email-changed.v1";
}

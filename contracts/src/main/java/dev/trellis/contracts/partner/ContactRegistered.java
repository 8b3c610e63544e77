package dev.trellis.contracts.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * A contact (a person) was recorded in partner-service. Carries no personal data in the clear: services that
 * must check that a person exists (a seat holder, an organiser) learn the id, and show names by asking
 * partner-service. Key: {@code contactId}, as {@link ContactErased} and {@link ContactEmailChanged}, so a
 * contact's registration, email changes and erasure stay ordered.
 *
 * <p>{@code emailSha256} lets a service check that an address someone gives for this contact is the one
 * partner-service has on record, without learning the address ({@link #emailSha256(String)}). It is still a
 * pseudonym of the address: whoever guesses an address can test it against the digest, so a consumer keeps
 * it only as long as it keeps the contact and deletes it on {@link ContactErased}.
 *
 * @param contactId    the contact
 * @param registeredAt when partner-service recorded it
 * @param emailSha256  {@link #emailSha256(String)} of the contact's email address; null in events sent before
 *                     it was carried
 */
public record ContactRegistered(UUID contactId, Instant registeredAt, String emailSha256) {

    public static final String TYPE = "dev.trellis.partner.contact-registered.v1";

    /**
     * The digest of an email address that partner-service publishes and every consumer compares with: SHA-256
     * of the UTF-8 bytes of the address stripped of surrounding white space and lower-cased (root locale), as 64
     * lower-case hex digits. Addresses are compared case-insensitively everywhere in Trellis.
     */
    public static String emailSha256(String email) {
        try {
            byte[] normalised = email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

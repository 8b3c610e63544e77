package dev.trellis.partner.service;

import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentSource;
import dev.trellis.partner.domain.Contact;
import dev.trellis.platform.domain.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * One-click unsubscribe (RFC 8058) from the mails sent for a consent purpose. Each such mail carries a link with a
 * token of its own: 32 random bytes, stored only as their SHA-256 ({@code unsubscribe_token}, V17) with the contact
 * and the purpose it withdraws, so it can neither be guessed nor point at anyone else. Using it records the
 * withdrawal through {@link ContactService#recordConsent} (granted = false, source EMAIL), like any other decision.
 */
@ApplicationScoped
public class Unsubscribes {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an unsubscribe did: the purpose, and whether it withdrew a consent (false: it was withdrawn already). */
    public record Outcome(ConsentPurpose purpose, boolean withdrawn) {
    }

    private final ContactService contacts;
    private final EntityManager em;
    private final Clock clock;

    public Unsubscribes(ContactService contacts, EntityManager em, Clock clock) {
        this.contacts = contacts;
        this.em = em;
        this.clock = clock;
    }

    /** A new token for a mail to {@code contactId} about {@code purpose}, recorded in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(UUID contactId, ConsentPurpose purpose) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        em.createNativeQuery("""
                        insert into unsubscribe_token (token_hash, contact_id, purpose, created_at)
                        values (?1, ?2, ?3, cast(?4 as timestamptz))""")
                .setParameter(1, hash(token)).setParameter(2, contactId).setParameter(3, purpose.name())
                .setParameter(4, Instant.now(clock).atOffset(ZoneOffset.UTC)).executeUpdate();
        return token;
    }

    /**
     * Withdraws the consent the token stands for, unless its latest decision withdrew it already (then nothing is
     * recorded: a mail client may POST twice). An erased contact has nothing left to withdraw.
     *
     * @throws NotFound for a token that was never issued
     */
    @Transactional
    public Outcome unsubscribe(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select contact_id, purpose from unsubscribe_token where token_hash = ?1")
                .setParameter(1, hash(token)).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("This unsubscribe link is unknown");
        }
        UUID contactId = (UUID) rows.get(0)[0];
        ConsentPurpose purpose = ConsentPurpose.valueOf((String) rows.get(0)[1]);
        Contact contact = Contact.findById(contactId);
        if (contact == null || contact.erased() || !granted(contactId, purpose)) {
            return new Outcome(purpose, false);
        }
        contacts.recordConsent(contactId, purpose, false, ConsentSource.EMAIL);
        return new Outcome(purpose, true);
    }

    /** Whether the contact's latest decision for the purpose grants it (no decision: no). */
    static boolean granted(UUID contactId, ConsentPurpose purpose) {
        return Consent.<Consent>find("contactId = ?1 and purpose = ?2 order by recordedAt desc", contactId, purpose)
                .firstResultOptional().map(c -> c.granted).orElse(false);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.trellis.event.service;

import dev.trellis.event.domain.ContactEmailDigest;
import dev.trellis.event.domain.OutboxMail;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.SignUp;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.messaging.out.EventMessages;
import dev.trellis.event.persistence.PartnerReadModel;
import dev.trellis.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Erasures requested in partner-service. A contact's (contact-erased): registrations keep their company and status
 * for statistics but lose name and email; affiliations, the email digest and organiser entries go. The id is
 * remembered, so late affiliation events and new registrations under it are refused. A guest's address
 * (guest-erasure-requested) and the address an erased contact had: every registration under it is anonymised the
 * same way, its sign-ups are deleted. Mails to the person carry its name and address: sent or not, they go
 * (attachments by the foreign key). Addresses are matched by their digest (contracts' ContactRegistered.emailSha256:
 * trimmed, lower-cased, SHA-256), which is all partner-service publishes. The part done, erasure-completed confirms it
 * to partner-service in the same transaction.
 */
@ApplicationScoped
public class ContactErasureService {
    /** The digest of a stored address, computed as contracts' ContactRegistered.emailSha256 does. */
    private static final String DIGEST_OF = "encode(sha256(convert_to(lower(btrim(%s)), 'UTF8')), 'hex')";

    private final PartnerReadModel readModel;
    private final EventMessages messages;
    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    public ContactErasureService(PartnerReadModel readModel, EventMessages messages, EntityManager em, AuditTrail audit,
            Clock clock) {
        this.audit = audit;
        this.readModel = readModel;
        this.messages = messages;
        this.em = em;
        this.clock = clock;
    }

    /**
     * @param requestId   the erasure request to confirm; null in events sent before requests were tracked (nothing
     *                    to confirm)
     * @param emailSha256 the digest of the address the contact had; null in older events (then the one this service
     *                    kept for the contact, if any)
     */
    @Transactional
    public void erase(UUID contactId, Instant erasedAt, UUID requestId, String emailSha256) {
        String digest = emailSha256;
        if (digest == null) {
            ContactEmailDigest kept = ContactEmailDigest.findById(contactId);
            digest = kept == null ? null : kept.emailSha256;
        }
        readModel.forgetContact(contactId, erasedAt);
        Set<Registration> registrations = new LinkedHashSet<>(Registration.<Registration>list("contactId", contactId));
        if (digest != null) {
            registrations.addAll(underAddress(digest));
            deleteSignUps(digest);
            // a partner user (username = the address) who registered through the portal signed those entries
            audit.replaceActor(digest, "erased-" + contactId);
        }
        erase(registrations, digest);
        for (UserGroup g : UserGroup.<UserGroup>list("?1 member of organiserIds", contactId)) {
            g.organiserIds.remove(contactId);
        }
        if (requestId != null) {
            messages.erasureCompleted(requestId, contactId, now());
        }
    }

    /** A guest's address: its registrations anonymised, its sign-ups and mails deleted, then confirmed. */
    @Transactional
    public void eraseGuest(UUID requestId, String emailSha256) {
        erase(new LinkedHashSet<>(underAddress(emailSha256)), emailSha256);
        deleteSignUps(emailSha256);
        messages.erasureCompleted(requestId, null, now());
    }

    private void erase(Set<Registration> registrations, String digest) {
        List<UUID> ids = registrations.stream().map(r -> r.id).toList();
        if (!ids.isEmpty()) {
            OutboxMail.delete("registrationId in ?1", ids);
        }
        if (digest != null) {
            // mails without a registration (a sign-up's confirmation or notice) by their recipient
            em.createNativeQuery("delete from mail_outbox where " + DIGEST_OF.formatted("recipient") + " = ?1")
                    .setParameter(1, digest).executeUpdate();
        }
        for (Registration r : registrations) {
            r.erasePersonalData();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Registration> underAddress(String digest) {
        List<UUID> ids = em.createNativeQuery("select id from registration where " + DIGEST_OF.formatted("email") + " = ?1",
                UUID.class).setParameter(1, digest).getResultList();
        return ids.isEmpty() ? List.of() : Registration.list("id in ?1", ids);
    }

    @SuppressWarnings("unchecked")
    private void deleteSignUps(String digest) {
        List<UUID> ids = em.createNativeQuery("select id from sign_up where " + DIGEST_OF.formatted("email") + " = ?1",
                UUID.class).setParameter(1, digest).getResultList();
        if (!ids.isEmpty()) {
            SignUp.<SignUp>list("id in ?1", ids).forEach(SignUp::delete);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

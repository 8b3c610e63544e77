package dev.trellis.partner.service;

import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.messaging.out.ContactEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Announces the email digest of every contact recorded before contact-registered carried it (the rows migration
 * V10 left in {@code contact_email_digest_backfill}), once, as a contact-email-changed: without it event-service
 * would never know those contacts' addresses, and partners could not register them. Each batch writes its events
 * and deletes its rows in one transaction; {@code skip locked} keeps two instances starting together from
 * announcing a contact twice.
 */
@ApplicationScoped
public class ContactDigestBackfill {
    private static final Logger LOG = Logger.getLogger(ContactDigestBackfill.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final ContactEvents events;

    public ContactDigestBackfill(EntityManager em, ContactEvents events) {
        this.em = em;
        this.events = events;
    }

    void onStart(@Observes StartupEvent start) {
        int total = 0;
        int announced;
        while ((announced = announceBatch()) > 0) {
            total += announced;
        }
        if (total > 0) {
            LOG.infof("Announced the email digest of %d contacts recorded before digests were published", total);
        }
    }

    /** Announces up to one batch of waiting contacts; returns how many rows it took (0 once none are left). */
    public int announceBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                    select contact_id from contact_email_digest_backfill order by contact_id
                    limit :batch for update skip locked
                    """, UUID.class).setParameter("batch", BATCH).getResultList();
            for (UUID id : ids) {
                Contact contact = Contact.findById(id);
                // Erased since: contact-erased said all there is to say.
                if (contact != null && !contact.erased()) {
                    events.emailChanged(contact);
                }
            }
            if (!ids.isEmpty()) {
                em.createNativeQuery("delete from contact_email_digest_backfill where contact_id in (:ids)")
                        .setParameter("ids", ids).executeUpdate();
            }
            return ids.size();
        });
    }
}

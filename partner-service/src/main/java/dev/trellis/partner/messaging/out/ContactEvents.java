package dev.trellis.partner.messaging.out;

import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.partner.domain.Contact;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Contact facts other services must act on. Only erasure is published: contact edits and consent stay
 * in partner-service. Keyed by the contact (EventCatalog), because an erased contact may have no partner at all.
 */
@ApplicationScoped
public class ContactEvents {
    private final Outbox outbox;

    public ContactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void erased(Contact contact) {
        outbox.publish(new ContactErased(contact.id, contact.erasedAt));
    }
}

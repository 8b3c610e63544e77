package dev.trellis.partner.messaging;

import dev.trellis.contracts.Topics;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.partner.domain.Contact;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Contact facts other services must act on. Only erasure is published: contact edits and consent stay
 * in partner-service. Keyed by the contact, because an erased contact may have no partner at all.
 */
@ApplicationScoped
public class ContactEvents {
    private final Outbox outbox;

    public ContactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void erased(Contact contact) {
        outbox.record(Topics.PARTNER, ContactErased.TYPE, contact.id.toString(),
                new ContactErased(contact.id, contact.erasedAt));
    }
}

package dev.trellis.partner.messaging.out;

import dev.trellis.contracts.partner.ContactEmailChanged;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.contracts.partner.GuestErasureRequested;
import dev.trellis.partner.domain.Contact;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contact facts other services must act on: that a person exists (so a seat holder can be checked), the
 * digest of its email address as it is now (so event-service can check the address a partner gives for its
 * contact), and that they were erased. No personal data in the clear: names, the address itself, other
 * edits and consent stay in partner-service. Keyed by the contact (EventCatalog), because a contact may
 * have no partner at all.
 */
@ApplicationScoped
public class ContactEvents {
    private final Outbox outbox;

    public ContactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Contact contact, Instant at) {
        outbox.publish(new ContactRegistered(contact.id, at, ContactRegistered.emailSha256(contact.email)));
    }

    /** {@link #registered} for many contacts at once (a CSV import's chunk), in one batch. */
    public void registered(List<Contact> contacts, Instant at) {
        outbox.publishAll(contacts.stream()
                .map(c -> new ContactRegistered(c.id, at, ContactRegistered.emailSha256(c.email))).toList());
    }

    public void emailChanged(Contact contact) {
        outbox.publish(new ContactEmailChanged(contact.id, ContactRegistered.emailSha256(contact.email)));
    }

    /** @param emailSha256 the digest of the address the contact had; null when it is not known any more */
    public void erased(Contact contact, UUID requestId, String emailSha256) {
        outbox.publish(new ContactErased(contact.id, contact.erasedAt, requestId, emailSha256));
    }

    /** An address without a contact to erase in event-service: its digest, never the address. */
    public void guestErasureRequested(UUID requestId, String emailSha256, Instant at) {
        outbox.publish(new GuestErasureRequested(requestId, emailSha256, at));
    }
}

package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.AffiliationView;
import dev.trellis.advisory.domain.ContactView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The people partner-service knows ({@link ContactView}): registered by contact-registered (or named by
 * an affiliation event), gone for good after contact-erased. Ids only; names stay in partner-service.
 * Each upsert runs in the caller's transaction (the consumer's, with its inbox row).
 */
@ApplicationScoped
public class ContactReadModel {

    /** contact-registered. A contact erased already stays erased (the events of a contact may arrive late). */
    public void registered(UUID contact, Instant at) {
        ContactView view = ContactView.findById(contact);
        if (view == null) {
            view = new ContactView();
            view.contactId = contact;
            view.updatedAt = at;
            view.persist();
        } else if (!view.erased()) {
            view.assumed = false;
            view.updatedAt = at;
        }
    }

    /**
     * An event names the contact (an affiliation): it exists. Returns false for an erased contact,
     * whose later events are to be ignored.
     */
    public boolean mentioned(UUID contact, Instant at) {
        ContactView view = ContactView.findById(contact);
        if (view == null) {
            view = new ContactView();
            view.contactId = contact;
            view.assumed = true;
            view.updatedAt = at;
            view.persist();
            return true;
        }
        return !view.erased();
    }

    /**
     * contact-erased: remembered for good, and whom the person worked for is forgotten. Returns true the
     * first time.
     */
    public boolean erased(UUID contact, Instant at) {
        ContactView view = ContactView.findById(contact);
        if (view == null) {
            view = new ContactView();
            view.contactId = contact;
            view.persist();
        } else if (view.erased()) {
            return false;
        }
        view.erasedAt = at;
        view.updatedAt = at;
        AffiliationView.delete("contactId", contact);
        return true;
    }

    /** A person the demo data seats, known before partner-service's events arrive. */
    public void assume(UUID contact, Instant at) {
        if (ContactView.findById(contact) == null) {
            ContactView view = new ContactView();
            view.contactId = contact;
            view.assumed = true;
            view.updatedAt = at;
            view.persist();
        }
    }

    // ---- reads

    /** The contacts of {@code ids} that are known and not erased. */
    public Set<UUID> known(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return ContactView.<ContactView>list("contactId in ?1 and erasedAt is null", new HashSet<>(ids)).stream()
                .map(c -> c.contactId).collect(Collectors.toSet());
    }

    /** The contacts of {@code ids} that were erased. */
    public Set<UUID> erased(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return ContactView.<ContactView>list("contactId in ?1 and erasedAt is not null", new HashSet<>(ids)).stream()
                .map(c -> c.contactId).collect(Collectors.toSet());
    }

}

package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Contact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one chunk of a CSV import wrote, so that the services flush it once and publish its events in one batch
 * ({@link ContactService#finishImported}, {@link AffiliationService#finishImported}) instead of line by line.
 */
final class ImportWrites {
    final List<Contact> registered = new ArrayList<>();
    final List<Affiliation> started = new ArrayList<>();
    private final Set<UUID> registeredIds = new HashSet<>();

    void registered(Contact contact) {
        registered.add(contact);
        registeredIds.add(contact.id);
    }

    boolean isNew(Contact contact) {
        return registeredIds.contains(contact.id);
    }
}

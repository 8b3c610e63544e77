package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.KeyContact;
import dev.trellis.partner.domain.KeyContactRole;
import dev.trellis.partner.domain.Membership;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The key contacts of a partner's membership: one contact, currently affiliated with the partner, per role. */
@ApplicationScoped
public class KeyContactService {
    private final Clock clock;

    public KeyContactService(Clock clock) {
        this.clock = clock;
    }

    /** A key contact with the person's name and email, for reading. */
    public record Named(KeyContactRole role, UUID contactId, String firstName, String lastName, String email) {
    }

    @Transactional
    public List<Named> list(UUID partnerId) {
        return Membership.ofPartner(partnerId).map(m -> KeyContact.<KeyContact>list("key.membershipId", m.id).stream()
                .map(k -> {
                    Contact c = Contact.findById(k.contactId);
                    return new Named(k.key.role, k.contactId, c.firstName, c.lastName, c.email);
                })
                .sorted(Comparator.comparing(Named::role))
                .toList()).orElse(List.of());
    }

    @Transactional
    public Named assign(UUID partnerId, KeyContactRole role, UUID contactId) {
        Membership membership = membership(partnerId);
        Contact contact = Contact.findById(contactId);
        if (contact == null) {
            throw InvalidInput.field("contactId", "names no contact");
        }
        if (contact.erased()) {
            throw InvalidInput.field("contactId", "names an erased contact");
        }
        LocalDate today = LocalDate.now(clock);
        long affiliated = Affiliation.count("contactId = :c and partnerId = :p and startDate <= :d and (endDate is null or endDate >= :d)",
                Parameters.with("c", contactId).and("p", partnerId).and("d", today));
        if (affiliated == 0) {
            throw InvalidInput.field("contactId", "is not currently affiliated with this partner");
        }
        KeyContact.Key key = new KeyContact.Key(membership.id, role);
        KeyContact keyContact = KeyContact.findById(key);
        if (keyContact == null) {
            keyContact = new KeyContact();
            keyContact.key = key;
        }
        keyContact.contactId = contactId;
        keyContact.assignedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        keyContact.persist();
        return new Named(role, contactId, contact.firstName, contact.lastName, contact.email);
    }

    @Transactional
    public void remove(UUID partnerId, KeyContactRole role) {
        if (!KeyContact.deleteById(new KeyContact.Key(membership(partnerId).id, role))) {
            throw NotFound.of("Key contact", role);
        }
    }

    private static Membership membership(UUID partnerId) {
        return Membership.ofPartner(partnerId).orElseThrow(() -> NotFound.of("Membership of partner", partnerId));
    }
}

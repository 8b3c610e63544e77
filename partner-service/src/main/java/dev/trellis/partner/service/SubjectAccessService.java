package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.KeyContact;
import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.domain.TouchpointAttendee;
import dev.trellis.platform.audit.AuditEntries;
import dev.trellis.platform.audit.AuditEntry;
import dev.trellis.platform.domain.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What partner-service holds about one person, for a subject-access export: the contact with its affiliations
 * and whole consent history, its key-contact roles, the touchpoints it attended and the audit entries about
 * its records. Read over REST by the console, never put on Kafka.
 */
@ApplicationScoped
public class SubjectAccessService {
    /** Audit entries in one answer at most; the newest are kept. */
    public static final int MAX_AUDIT_ENTRIES = 2000;
    /** At most this many key-contact roles and touchpoints (the newest) in one export. */
    public static final int MAX_RECORDS = 10_000;

    private final ContactService contacts;
    private final PartnerService partners;
    private final AuditEntries audit;
    private final EntityManager em;

    public SubjectAccessService(ContactService contacts, PartnerService partners, AuditEntries audit, EntityManager em) {
        this.contacts = contacts;
        this.partners = partners;
        this.audit = audit;
        this.em = em;
    }

    /** A key-contact role the person holds on a partner's membership. */
    public record Role(UUID membershipId, UUID partnerId, KeyContact keyContact) {
    }

    /**
     * @param details    the contact with affiliations and consent history; null when partner-service holds no contact
     * @param roles      key-contact roles
     * @param touchpoints touchpoints the contact attended, newest first
     * @param partnerNames names of every partner named above
     */
    public record SubjectRecords(ContactDetails details, List<Role> roles, List<Touchpoint> touchpoints,
            List<AuditEntry> auditEntries, Map<UUID, String> partnerNames) {
    }

    /**
     * Finds the person by contact id or, without one, by e-mail address (case-insensitive). Nobody found is an
     * empty answer, not an error: the address may be known only to another service.
     */
    @Transactional
    public SubjectRecords find(UUID contactId, String email) {
        if (contactId == null && (email == null || email.isBlank())) {
            throw InvalidInput.field("contactId", "give contactId or email");
        }
        Contact contact = contactId != null ? Contact.findById(contactId)
                : Contact.<Contact>find("lower(email) = ?1", email.strip().toLowerCase(Locale.ROOT)).firstResult();
        if (contact == null) {
            return new SubjectRecords(null, List.of(), List.of(), List.of(), Map.of());
        }
        ContactDetails details = contacts.details(contact);
        List<Role> roles = KeyContact.<KeyContact>find("contactId", contact.id).range(0, MAX_RECORDS - 1).stream()
                .map(k -> new Role(k.key.membershipId, Membership.<Membership>findByIdOptional(k.key.membershipId)
                        .map(m -> m.partnerId).orElse(null), k))
                .sorted(Comparator.comparing((Role r) -> r.keyContact().assignedAt))
                .toList();
        List<Touchpoint> touchpoints = em.createQuery("""
                        select distinct t from Touchpoint t join t.attendees a where a.contactId = :contact
                        order by t.occurredOn desc, t.id desc""", Touchpoint.class)
                .setParameter("contact", contact.id).setMaxResults(MAX_RECORDS).getResultList();
        touchpoints.forEach(t -> t.attendees.size()); // read after the transaction, for the staff who attended
        List<TouchpointAttendee> attended = em.createQuery("select a from TouchpointAttendee a where a.contactId = :contact", TouchpointAttendee.class)
                .setParameter("contact", contact.id).getResultList();
        Set<UUID> partnerIds = new HashSet<>();
        details.affiliations().forEach(a -> partnerIds.add(a.partnerId));
        roles.forEach(r -> {
            if (r.partnerId() != null) {
                partnerIds.add(r.partnerId());
            }
        });
        touchpoints.forEach(t -> partnerIds.add(t.partnerId));
        Map<String, List<String>> about = new LinkedHashMap<>();
        about.put("contact", List.of(contact.id.toString()));
        about.put("affiliation", details.affiliations().stream().map((Affiliation a) -> a.id.toString()).toList());
        about.put("consent", details.consents().stream().map((Consent c) -> c.id.toString()).toList());
        about.put("key-contact", roles.stream().map(r -> r.membershipId() + "/" + r.keyContact().key.role).toList());
        about.put("touchpoint-attendee", attended.stream().map(a -> a.id.toString()).toList());
        return new SubjectRecords(details, roles, touchpoints, audit.about(about, MAX_AUDIT_ENTRIES),
                partners.names(new ArrayList<>(partnerIds)));
    }
}

package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentSource;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.KeyContact;
import dev.trellis.partner.messaging.ContactEvents;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Contacts and their consent: the transactions around them. Of contacts, only an erasure is published. */
@ApplicationScoped
public class ContactService {
    private final EntityManager em;
    private final ContactEvents events;

    public ContactService(EntityManager em, ContactEvents events) {
        this.em = em;
        this.events = events;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * One page in (lower(last name), lower(first name), id) order, each with its current affiliations;
     * fetches one extra row to tell whether there is a next page.
     *
     * @param q         matched, case-insensitively, anywhere in first name, last name, full name or email
     * @param partnerId only contacts currently affiliated with this partner
     */
    @Transactional
    public List<ContactDetails> list(String q, UUID partnerId, PageRequest page) {
        return withCurrentAffiliations(query(q, partnerId, page), null);
    }

    private List<Contact> query(String q, UUID partnerId, PageRequest page) {
        Cursor after = page.decodedCursor(3);
        StringBuilder where = new StringBuilder("where c.erasedAt is null ");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append("""
                     and (lower(c.firstName) like :q escape '\\' or lower(c.lastName) like :q escape '\\'
                          or lower(c.email) like :q escape '\\'
                          or lower(concat(c.firstName, ' ', c.lastName)) like :q escape '\\')""");
            params.put("q", "%" + q.strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (partnerId != null) {
            where.append("""
                     and exists (select 1 from Affiliation a where a.contactId = c.id and a.partnerId = :partner
                                 and a.startDate <= :today and (a.endDate is null or a.endDate >= :today))""");
            params.put("partner", partnerId);
            params.put("today", today());
        }
        if (after != null) {
            where.append("""
                     and (lower(c.lastName) > :last
                          or (lower(c.lastName) = :last and lower(c.firstName) > :first)
                          or (lower(c.lastName) = :last and lower(c.firstName) = :first and c.id > :id))""");
            params.put("last", after.key(0));
            params.put("first", after.key(1));
            params.put("id", after.uuid(2));
        }
        TypedQuery<Contact> query = em.createQuery("select c from Contact c " + where
                + " order by lower(c.lastName), lower(c.firstName), c.id", Contact.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(page.fetchSize()).getResultList();
    }

    public static Cursor cursorOf(ContactDetails details) {
        Contact c = details.contact();
        return Cursor.of(c.lastName.toLowerCase(Locale.ROOT), c.firstName.toLowerCase(Locale.ROOT), c.id);
    }

    private List<ContactDetails> withCurrentAffiliations(List<Contact> contacts, UUID onlyPartner) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        Map<UUID, List<Affiliation>> byContact = new HashMap<>();
        em.createQuery("select a from Affiliation a where a.contactId in :ids order by a.startDate desc, a.id",
                        Affiliation.class)
                .setParameter("ids", contacts.stream().map(c -> c.id).toList())
                .getResultList().stream()
                .filter(a -> a.isCurrentOn(today) && (onlyPartner == null || onlyPartner.equals(a.partnerId)))
                .forEach(a -> byContact.computeIfAbsent(a.contactId, k -> new ArrayList<>()).add(a));
        return contacts.stream()
                .map(c -> new ContactDetails(c, byContact.getOrDefault(c.id, List.of()), List.of()))
                .toList();
    }

    /** A contact with all its affiliations and its whole consent history. */
    @Transactional
    public ContactDetails get(UUID id) {
        return details(find(id));
    }

    @Transactional
    public ContactDetails create(String firstName, String lastName, String email, String phone, String jobTitle) {
        return create(UUID.randomUUID(), firstName, lastName, email, phone, jobTitle);
    }

    /**
     * A contact with a given id: only demo data uses it, so that other services' demo data can name the
     * same people (see config.DemoData#demoContactId).
     */
    @Transactional
    public ContactDetails create(UUID id, String firstName, String lastName, String email, String phone, String jobTitle) {
        requireEmailFree(email, null);
        Contact contact = new Contact();
        contact.id = id;
        contact.firstName = firstName.strip();
        contact.lastName = lastName.strip();
        contact.email = email.strip();
        contact.phone = blankToNull(phone);
        contact.jobTitle = blankToNull(jobTitle);
        contact.persist();
        flushGuardingEmail();
        return new ContactDetails(contact, List.of(), List.of());
    }

    /** Staff edit: any of the contact's own details, if {@code ifMatch} names its current version. */
    @Transactional
    public ContactDetails update(UUID id, String ifMatch, ContactEdit edit) {
        Contact contact = find(id);
        requireNotErased(contact);
        EntityTags.requireMatch(ifMatch, contact.version);
        apply(contact, edit);
        return details(contact);
    }

    /**
     * Erases a contact for privacy (the domain's rule: anonymise what statistics still need, delete the
     * rest). The contact keeps its id, with placeholders for its personal data; its consent history and
     * key-contact roles go; its affiliations and touchpoint attendance stay, now about nobody
     * identifiable. Other services learn it from the contact-erased event. Erasing twice changes nothing
     * and publishes nothing more.
     */
    @Transactional
    public Contact erase(UUID id) {
        Contact contact = Contact.<Contact>findByIdOptional(id, LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .orElseThrow(() -> ProblemException.notFound("Contact", id));
        if (contact.erased()) {
            return contact;
        }
        contact.erase(Instant.now().truncatedTo(ChronoUnit.MICROS));
        Consent.delete("contactId", id);
        KeyContact.delete("contactId", id);
        events.erased(contact);
        em.flush();
        return contact;
    }

    private void apply(Contact contact, ContactEdit edit) {
        if (edit.has(ContactEdit.FIRST_NAME)) {
            contact.firstName = required(edit.firstName(), ContactEdit.FIRST_NAME);
        }
        if (edit.has(ContactEdit.LAST_NAME)) {
            contact.lastName = required(edit.lastName(), ContactEdit.LAST_NAME);
        }
        if (edit.has(ContactEdit.EMAIL)) {
            String email = required(edit.email(), ContactEdit.EMAIL);
            requireEmailFree(email, contact.id);
            contact.email = email;
        }
        if (edit.has(ContactEdit.PHONE)) {
            contact.phone = blankToNull(edit.phone());
        }
        if (edit.has(ContactEdit.JOB_TITLE)) {
            contact.jobTitle = blankToNull(edit.jobTitle());
        }
        flushGuardingEmail();
    }

    /** Records a consent decision; the history is kept, the latest entry per purpose is the state. */
    @Transactional
    public Consent recordConsent(UUID contactId, ConsentPurpose purpose, boolean granted, ConsentSource source) {
        // The lock serialises decisions on one contact, and the version bump changes the contact's ETag.
        Contact contact = Contact.<Contact>findByIdOptional(contactId, LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .orElseThrow(() -> ProblemException.notFound("Contact", contactId));
        requireNotErased(contact);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<Instant> latest = em.createQuery("""
                        select max(s.recordedAt) from Consent s where s.contactId = :contact and s.purpose = :purpose
                        """, Instant.class)
                .setParameter("contact", contact.id).setParameter("purpose", purpose)
                .getResultStream().filter(Objects::nonNull).findFirst();
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.contactId = contact.id;
        consent.purpose = purpose;
        consent.granted = granted;
        consent.source = source;
        // Strictly after the previous entry, so "latest" is never ambiguous even if the clock stepped back.
        consent.recordedAt = latest.filter(l -> !now.isAfter(l)).map(l -> l.plus(1, ChronoUnit.MICROS)).orElse(now);
        consent.persist();
        return consent;
    }

    // ---- partner self-service: only contacts currently affiliated with the caller's own organisation

    @Transactional
    public List<ContactDetails> listForPartner(UUID partnerId, PageRequest page) {
        // Only the affiliations with the caller's organisation: where else a person works is not its business.
        return withCurrentAffiliations(query(null, partnerId, page), partnerId);
    }

    @Transactional
    public ContactDetails getForPartner(UUID partnerId, UUID contactId) {
        return partnerView(ownContact(partnerId, contactId), partnerId);
    }

    /** A partner edits a contact of its own: names, phone and job title only (the resource refuses the rest). */
    @Transactional
    public ContactDetails updateForPartner(UUID partnerId, UUID contactId, String ifMatch, ContactEdit edit) {
        if (edit.has(ContactEdit.EMAIL)) {
            throw new ProblemException(403, "field-not-editable", "Field not editable",
                    "The foundation keeps contacts' email addresses");
        }
        Contact contact = ownContact(partnerId, contactId);
        EntityTags.requireMatch(ifMatch, contact.version);
        apply(contact, edit);
        return partnerView(contact, partnerId);
    }

    /**
     * Another organisation's contact, a former colleague, an erased contact and an unknown id all look the
     * same: not found.
     */
    private Contact ownContact(UUID partnerId, UUID contactId) {
        Contact contact = Contact.findById(contactId);
        if (contact == null || contact.erased() || currentAffiliations(contactId, partnerId).isEmpty()) {
            throw ProblemException.notFound("Contact", contactId);
        }
        return contact;
    }

    private ContactDetails partnerView(Contact contact, UUID partnerId) {
        return new ContactDetails(contact, currentAffiliations(contact.id, partnerId), List.of());
    }

    private List<Affiliation> currentAffiliations(UUID contactId, UUID partnerId) {
        LocalDate today = today();
        return Affiliation.<Affiliation>list("contactId = ?1 and partnerId = ?2 order by startDate desc, id",
                        contactId, partnerId).stream()
                .filter(a -> a.isCurrentOn(today)).toList();
    }

    // ----

    Contact find(UUID id) {
        return Contact.<Contact>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Contact", id));
    }

    /** An erased contact's record is kept for references only: nothing may be added to it or changed. */
    static void requireNotErased(Contact contact) {
        if (contact.erased()) {
            throw ProblemException.conflict("contact-erased", "Contact erased",
                    "This contact was erased for privacy; it cannot be changed or given new records");
        }
    }

    ContactDetails details(Contact contact) {
        em.flush(); // the version in the ETag must be the one just written
        List<Affiliation> affiliations = Affiliation.list("contactId = ?1 order by startDate desc, id", contact.id);
        List<Consent> consents = new ArrayList<>(Consent.<Consent>list("contactId", contact.id));
        consents.sort(Comparator.comparing((Consent s) -> s.recordedAt).thenComparing(s -> s.purpose));
        return new ContactDetails(contact, affiliations, consents);
    }

    private void requireEmailFree(String email, UUID self) {
        long taken = Contact.count("lower(email) = ?1" + (self == null ? "" : " and id <> ?2"),
                self == null ? new Object[] {email.strip().toLowerCase(Locale.ROOT)}
                        : new Object[] {email.strip().toLowerCase(Locale.ROOT), self});
        if (taken > 0) {
            throw duplicateEmail();
        }
    }

    /** A concurrent insert of the same email passes the check above; the unique index catches it. */
    private void flushGuardingEmail() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation
                        && "contact_email_uq".equals(violation.getConstraintName())) {
                    throw duplicateEmail();
                }
            }
            throw e;
        }
    }

    private static ProblemException duplicateEmail() {
        return ProblemException.conflict("duplicate-email", "Duplicate email",
                "Another contact already has this email address");
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "must not be blank");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

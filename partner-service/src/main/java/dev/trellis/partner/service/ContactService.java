package dev.trellis.partner.service;

import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.ConsentActor;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentState;
import dev.trellis.partner.domain.ConsentSource;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.messaging.out.ContactEvents;
import dev.trellis.partner.persistence.ContactQueries;
import dev.trellis.partner.service.command.ContactChanges;
import dev.trellis.partner.service.command.NewContact;
import dev.trellis.platform.audit.AuditActor;
import dev.trellis.platform.audit.AuditTrail;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.patch.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Contacts and their consent: the transactions around them. Of contacts, their creation and erasure are
 * published, and a change of email address as its digest; names and other edits are not.
 */
@ApplicationScoped
public class ContactService {
    private final EntityManager em;
    private final ContactEvents events;
    private final ContactQueries queries;
    private final AffiliationService affiliations;
    private final Clock clock;

    public ContactService(EntityManager em, ContactEvents events, ContactQueries queries,
            AffiliationService affiliations, Clock clock) {
        this.em = em;
        this.events = events;
        this.queries = queries;
        this.affiliations = affiliations;
        this.clock = clock;
    }

    /** Today in the foundation's zone: the day "current" affiliations are current on. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * One page in (lower(last name), lower(first name), id) order, each with its current affiliations.
     *
     * @param q         matched, case-insensitively, anywhere in first name, last name, full name or email
     * @param partnerId only contacts currently affiliated with this partner
     * @param consent   only contacts whose latest decision for this purpose grants it; null for any
     */
    @Transactional
    /** @param ids only these contacts (null or empty: no such filter) */
    public Page<ContactDetails> list(String q, UUID partnerId, ConsentPurpose consent, java.util.Collection<UUID> ids,
            PageRequest page) {
        LocalDate today = today();
        return withCurrentAffiliations(queries.page(q, partnerId, consent, ids, today, page), page, null, today);
    }

    /** As {@link #list(String, UUID, ConsentPurpose, Collection, PageRequest)}, in {@code consentState} for {@code consent}. */
    @Transactional
    public Page<ContactDetails> list(String q, UUID partnerId, ConsentPurpose consent, ConsentState consentState,
            java.util.Collection<UUID> ids, PageRequest page) {
        LocalDate today = today();
        return withCurrentAffiliations(queries.page(q, partnerId, consent, consentState, ids, today, page), page, null,
                today);
    }

    private Page<ContactDetails> withCurrentAffiliations(List<Contact> fetched, PageRequest request, UUID onlyPartner,
            LocalDate today) {
        Page<Contact> page = Page.of(fetched, request, ContactQueries::cursorOf, c -> c);
        if (page.items().isEmpty()) {
            return page.map(c -> new ContactDetails(c, List.of(), List.of()));
        }
        Map<UUID, List<Affiliation>> byContact = new HashMap<>();
        Affiliation.<Affiliation>list("contactId in ?1 order by startDate desc, id",
                        page.items().stream().map(c -> c.id).toList()).stream()
                .filter(a -> a.isCurrentOn(today) && (onlyPartner == null || onlyPartner.equals(a.partnerId)))
                .forEach(a -> byContact.computeIfAbsent(a.contactId, k -> new ArrayList<>()).add(a));
        return page.map(c -> new ContactDetails(c, byContact.getOrDefault(c.id, List.of()), List.of()));
    }

    /** "First Last" of these contacts, by id, for responses that name contacts by id; erased ones read "Erased contact". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> displayNames(java.util.Collection<UUID> ids) {
        return queries.displayNames(ids);
    }

    /** A contact with all its affiliations and its whole consent history. */
    @Transactional
    public ContactDetails get(UUID id) {
        return details(find(id));
    }

    @Transactional
    public ContactDetails create(NewContact command) {
        return create(UUID.randomUUID(), command);
    }

    /**
     * A contact with a given id: only demo data uses it, so that other services' demo data can name the
     * same people (see demo.DemoData#demoContactId).
     */
    @Transactional
    public ContactDetails create(UUID id, NewContact command) {
        Contact contact = register(id, command, AffiliationSource.MANUAL);
        return new ContactDetails(contact, List.of(), List.of());
    }

    private Contact register(UUID id, NewContact command, AffiliationSource by) {
        String email = required(command.email(), ContactChanges.EMAIL);
        requireEmailFree(email, null);
        Contact contact = new Contact();
        contact.id = id;
        contact.firstName = required(command.firstName(), ContactChanges.FIRST_NAME);
        contact.lastName = required(command.lastName(), ContactChanges.LAST_NAME);
        contact.email = email;
        contact.phone = blankToNull(command.phone());
        contact.jobTitle = blankToNull(command.jobTitle());
        contact.firstNameSource = by;
        contact.lastNameSource = by;
        contact.phoneSource = contact.phone == null ? null : by;
        contact.jobTitleSource = contact.jobTitle == null ? null : by;
        contact.persist();
        flushGuardingEmail();
        events.registered(contact, clock.instant());
        return contact;
    }

    // ---- CSV import (ContactImportService): the same writes, in the import's transaction, recorded as IMPORT

    /**
     * The live contacts with these addresses (lower-case, as the unique index compares), locked for the rest of
     * the caller's transaction in id order, keyed by the lower-case address: one query for an import's chunk.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Contact> lockLiveByEmails(Collection<String> emails) {
        Map<String, Contact> found = new HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        em.createQuery("from Contact c where lower(c.email) in :emails and c.erasedAt is null order by c.id",
                        Contact.class)
                .setParameter("emails", emails)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(c -> found.put(c.email.strip().toLowerCase(Locale.ROOT), c));
        return found;
    }

    /**
     * A new contact whose details came from an import: a later import may change them, until a person does.
     * Written, with its contact-registered, by {@link #finishImported} for the whole chunk; the caller has
     * looked the address up ({@link #lockLiveByEmails}), and the unique index guards against a concurrent one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Contact createImported(NewContact command, ImportWrites writes) {
        String email = required(command.email(), ContactChanges.EMAIL);
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.firstName = required(command.firstName(), ContactChanges.FIRST_NAME);
        contact.lastName = required(command.lastName(), ContactChanges.LAST_NAME);
        contact.email = email;
        contact.phone = blankToNull(command.phone());
        contact.jobTitle = blankToNull(command.jobTitle());
        contact.firstNameSource = AffiliationSource.IMPORT;
        contact.lastNameSource = AffiliationSource.IMPORT;
        contact.phoneSource = contact.phone == null ? null : AffiliationSource.IMPORT;
        contact.jobTitleSource = contact.jobTitle == null ? null : AffiliationSource.IMPORT;
        contact.persist();
        writes.registered(contact);
        return contact;
    }

    /** Writes an import chunk's changes (one flush, batched) and publishes its contacts' contact-registered. */
    @Transactional(Transactional.TxType.MANDATORY)
    void finishImported(ImportWrites writes) {
        flushGuardingEmail();
        events.registered(writes.registered, clock.instant());
    }

    /** What an import did to a contact's details: the fields it changed, and those it left as a person set them. */
    public record ImportedChanges(List<String> changed, List<String> keptManual) {
    }

    /**
     * An import's values for a contact's details: each one given (not blank) replaces the contact's own, unless
     * a person set that field (then it is kept). The email is the import's key and never changes here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportedChanges applyImported(Contact contact, NewContact values) {
        requireNotErased(contact);
        List<String> changed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        String v = blankToNull(values.firstName());
        if (v != null && !v.equals(contact.firstName)) {
            if (mayImport(contact.firstNameSource, ContactChanges.FIRST_NAME, kept)) {
                contact.firstName = v;
                contact.firstNameSource = AffiliationSource.IMPORT;
                changed.add(ContactChanges.FIRST_NAME);
            }
        }
        v = blankToNull(values.lastName());
        if (v != null && !v.equals(contact.lastName)) {
            if (mayImport(contact.lastNameSource, ContactChanges.LAST_NAME, kept)) {
                contact.lastName = v;
                contact.lastNameSource = AffiliationSource.IMPORT;
                changed.add(ContactChanges.LAST_NAME);
            }
        }
        v = blankToNull(values.phone());
        if (v != null && !v.equals(contact.phone)) {
            if (mayImport(contact.phoneSource, ContactChanges.PHONE, kept)) {
                contact.phone = v;
                contact.phoneSource = AffiliationSource.IMPORT;
                changed.add(ContactChanges.PHONE);
            }
        }
        v = blankToNull(values.jobTitle());
        if (v != null && !v.equals(contact.jobTitle)) {
            if (mayImport(contact.jobTitleSource, ContactChanges.JOB_TITLE, kept)) {
                contact.jobTitle = v;
                contact.jobTitleSource = AffiliationSource.IMPORT;
                changed.add(ContactChanges.JOB_TITLE);
            }
        }
        return new ImportedChanges(changed, kept);
    }

    private static boolean mayImport(AffiliationSource source, String field, List<String> kept) {
        if (source == null || source.yieldsTo(AffiliationSource.IMPORT)) {
            return true;
        }
        kept.add(field);
        return false;
    }

    /** Staff edit: any of the contact's own details, if {@code ifMatch} names its current version. */
    @Transactional
    public ContactDetails update(UUID id, String ifMatch, MergePatch<ContactChanges> patch) {
        Contact contact = find(id);
        requireNotErased(contact);
        Versions.requireMatch(ifMatch, contact.version);
        String digestBefore = ContactRegistered.emailSha256(contact.email);
        apply(contact, patch);
        // Only the address as compared (case and surrounding blanks aside) matters to other services.
        if (!digestBefore.equals(ContactRegistered.emailSha256(contact.email))) {
            events.emailChanged(contact);
        }
        return details(contact);
    }

    private void apply(Contact contact, MergePatch<ContactChanges> patch) {
        ContactChanges changes = patch.value();
        // A person's edit: later imports leave these fields as they are now (manual wins).
        if (patch.has(ContactChanges.FIRST_NAME)) {
            contact.firstName = required(changes.firstName(), ContactChanges.FIRST_NAME);
            contact.firstNameSource = AffiliationSource.MANUAL;
        }
        if (patch.has(ContactChanges.LAST_NAME)) {
            contact.lastName = required(changes.lastName(), ContactChanges.LAST_NAME);
            contact.lastNameSource = AffiliationSource.MANUAL;
        }
        if (patch.has(ContactChanges.EMAIL)) {
            String email = required(changes.email(), ContactChanges.EMAIL);
            requireEmailFree(email, contact.id);
            contact.email = email;
        }
        if (patch.has(ContactChanges.PHONE)) {
            contact.phone = blankToNull(changes.phone());
            contact.phoneSource = AffiliationSource.MANUAL;
        }
        if (patch.has(ContactChanges.JOB_TITLE)) {
            contact.jobTitle = blankToNull(changes.jobTitle());
            contact.jobTitleSource = AffiliationSource.MANUAL;
        }
        flushGuardingEmail();
    }

    /**
     * Records a consent decision made by whoever is calling: an import's decision ({@code source} IMPORT) by the
     * import, a staff user's request by that user, a request without a token (an unsubscribe link) by the subject,
     * anything else (a consumer, a sweep) by the system. {@link #recordConsent(UUID, ConsentPurpose, boolean,
     * ConsentSource, ConsentActor)} names the actor.
     */
    @Transactional
    public Consent recordConsent(UUID contactId, ConsentPurpose purpose, boolean granted, ConsentSource source) {
        return recordConsent(contactId, purpose, granted, source, defaultActor(source));
    }

    static ConsentActor defaultActor(ConsentSource source) {
        if (source == ConsentSource.IMPORT) {
            return ConsentActor.AN_IMPORT;
        }
        AuditActor caller = AuditTrail.currentActor();
        if (AuditActor.USER.equals(caller.kind())) {
            return ConsentActor.staff(caller.name());
        }
        if (AuditActor.ANONYMOUS.equals(caller.kind())) {
            return ConsentActor.THE_SUBJECT;
        }
        return new ConsentActor(ConsentActor.SYSTEM, AuditActor.CLIENT.equals(caller.kind()) ? caller.name() : null);
    }

    /** Records a consent decision; the history is kept, the latest entry per purpose is the state. */
    @Transactional
    public Consent recordConsent(UUID contactId, ConsentPurpose purpose, boolean granted, ConsentSource source,
            ConsentActor actor) {
        // The lock serialises decisions on one contact, and the version bump changes the contact's ETag.
        Contact contact = Contact.<Contact>findByIdOptional(contactId, LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .orElseThrow(() -> NotFound.of("Contact", contactId));
        requireNotErased(contact);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
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
        consent.actorKind = actor.kind();
        consent.actor = actor.username();
        // Strictly after the previous entry, so "latest" is never ambiguous even if the clock stepped back.
        consent.recordedAt = latest.filter(l -> !now.isAfter(l)).map(l -> l.plus(1, ChronoUnit.MICROS)).orElse(now);
        consent.persist();
        return consent;
    }

    // ---- partner self-service: only contacts currently affiliated with the caller's own organisation

    @Transactional
    public Page<ContactDetails> listForPartner(UUID partnerId, PageRequest page) {
        // Only the affiliations with the caller's organisation: where else a person works is not its business.
        LocalDate today = today();
        return withCurrentAffiliations(queries.page(null, partnerId, null, null, today, page), page, partnerId, today);
    }

    @Transactional
    public ContactDetails getForPartner(UUID partnerId, UUID contactId) {
        return partnerView(ownContact(partnerId, contactId), partnerId);
    }

    /** A partner edits a contact of its own: names, phone and job title only (the resource refuses the rest). */
    @Transactional
    public ContactDetails updateForPartner(UUID partnerId, UUID contactId, String ifMatch,
            MergePatch<ContactChanges> patch) {
        if (patch.has(ContactChanges.EMAIL)) {
            throw new AccessDenied("field-not-editable", "Field not editable",
                    "The foundation keeps contacts' email addresses");
        }
        Contact contact = ownContact(partnerId, contactId);
        Versions.requireMatch(ifMatch, contact.version);
        apply(contact, patch);
        return partnerView(contact, partnerId);
    }

    /**
     * Another organisation's contact, a former colleague, an erased contact and an unknown id all look the
     * same: not found.
     */
    private Contact ownContact(UUID partnerId, UUID contactId) {
        Contact contact = Contact.findById(contactId);
        if (contact == null || contact.erased() || currentAffiliations(contactId, partnerId).isEmpty()) {
            throw NotFound.of("Contact", contactId);
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
        return Contact.<Contact>findByIdOptional(id).orElseThrow(() -> NotFound.of("Contact", id));
    }

    /** An erased contact's record is kept for references only: nothing may be added to it or changed. */
    static void requireNotErased(Contact contact) {
        if (contact.erased()) {
            throw StateConflict.of("contact-erased", "Contact erased",
                    "This contact was erased for privacy; it cannot be changed or given new records");
        }
    }

    /**
     * A contact's details carry at most this many affiliations (the newest by start) and consent decisions (the
     * newest): the bound ContactResponse documents.
     */
    public static final int MAX_DETAIL_ITEMS = 1000;

    ContactDetails details(Contact contact) {
        em.flush(); // the version in the ETag must be the one just written
        List<Affiliation> affiliations = Affiliation.<Affiliation>find("contactId = ?1 order by startDate desc, id",
                contact.id).range(0, MAX_DETAIL_ITEMS - 1).list();
        List<Consent> consents = new ArrayList<>(Consent.<Consent>find("contactId = ?1 order by recordedAt desc, id",
                contact.id).range(0, MAX_DETAIL_ITEMS - 1).list());
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

    private static StateConflict duplicateEmail() {
        return StateConflict.of("duplicate-email", "Duplicate email", "Another contact already has this email address");
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.field(field, "must not be blank");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

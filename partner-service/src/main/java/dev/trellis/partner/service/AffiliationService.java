package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.DateRange;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.out.AffiliationEvents;
import dev.trellis.partner.persistence.AffiliationQueries;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Dated affiliations of contacts with partners. Every change records exactly one event per affiliation
 * through the outbox, in the same transaction, keyed by the affiliation's partner.
 */
@ApplicationScoped
public class AffiliationService {
    private final EntityManager em;
    private final AffiliationEvents events;
    private final AffiliationQueries queries;
    private final Clock clock;

    public AffiliationService(EntityManager em, AffiliationEvents events, AffiliationQueries queries, Clock clock) {
        this.em = em;
        this.events = events;
        this.queries = queries;
        this.clock = clock;
    }

    /** The outcome of a move: the affiliations it ended and the one it started. */
    public record Move(List<Affiliation> ended, Affiliation started) {
    }

    /** An affiliation of a partner, with the contact it belongs to. */
    public record PartnerAffiliation(Affiliation affiliation, Contact contact) {
    }

    @Transactional
    public Affiliation get(UUID contactId, UUID affiliationId) {
        Affiliation affiliation = Affiliation.findById(affiliationId);
        if (affiliation == null || !affiliation.contactId.equals(contactId)) {
            throw NotFound.of("Affiliation", affiliationId);
        }
        return affiliation;
    }

    @Transactional
    public Affiliation start(UUID contactId, UUID partnerId, AffiliationRole role, LocalDate startDate,
            AffiliationSource source) {
        return begin(lockLiveContact(contactId), partnerId, role, startDate, source);
    }

    @Transactional
    public Affiliation end(UUID contactId, UUID affiliationId, LocalDate endDate, AffiliationSource source) {
        lockContact(contactId);
        Affiliation affiliation = get(contactId, affiliationId);
        affiliation.end(endDate, source);
        em.flush();
        events.ended(affiliation);
        return affiliation;
    }

    /**
     * The affiliations of these contacts, ended or not, by contact: one query for an import's chunk (the
     * contacts locked by {@link ContactService#lockLiveByEmails}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<Affiliation>> ofContacts(Collection<UUID> contactIds) {
        Map<UUID, List<Affiliation>> found = new HashMap<>();
        if (contactIds.isEmpty()) {
            return found;
        }
        em.createQuery("from Affiliation a where a.contactId in :ids", Affiliation.class)
                .setParameter("ids", contactIds).getResultList()
                .forEach(a -> found.computeIfAbsent(a.contactId, id -> new ArrayList<>()).add(a));
        return found;
    }

    /**
     * Part of a CSV import's chunk: starts the affiliation as IMPORT unless the contact already has this role at
     * this partner at any time from {@code startDate} on, ended or not. An import adds affiliations; it never moves,
     * ends or re-dates one, so importing the same line again changes nothing. {@code known} are the contact's
     * affiliations (from {@link #ofContacts}, plus those the chunk started); the contact is locked or new in this
     * chunk. The row and its affiliation-started are written by {@link #finishImported}; the contact's
     * version is raised, as for any affiliation change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Affiliation> startImported(Contact contact, List<Affiliation> known, UUID partnerId,
            AffiliationRole role, LocalDate startDate, ImportWrites writes) {
        ContactService.requireNotErased(contact);
        DateRange period = DateRange.openFrom(startDate);
        boolean overlapping = known.stream().anyMatch(existing -> existing.partnerId.equals(partnerId)
                && existing.role == role && existing.period().overlaps(period));
        if (overlapping) {
            return Optional.empty();
        }
        if (!writes.isNew(contact)) {
            em.lock(contact, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        Affiliation affiliation = Affiliation.start(contact.id, partnerId, role, startDate, AffiliationSource.IMPORT);
        affiliation.persist();
        known.add(affiliation);
        writes.started.add(affiliation);
        return Optional.of(affiliation);
    }

    /** Publishes the affiliation-started of an import chunk's affiliations, once they are written. */
    @Transactional(Transactional.TxType.MANDATORY)
    void finishImported(ImportWrites writes) {
        events.started(writes.started);
    }

    /**
     * The contact moved to another employer on {@code date}: every open affiliation ends the day before (and
     * stays as history), and the new one starts on {@code date}. All or nothing, in one transaction.
     */
    @Transactional
    public Move move(UUID contactId, UUID partnerId, AffiliationRole role, LocalDate date, AffiliationSource source) {
        Contact contact = lockLiveContact(contactId);
        List<Affiliation> open = Affiliation.list("contactId = ?1 and endDate is null order by startDate, id",
                contact.id);
        for (Affiliation affiliation : open) {
            affiliation.endForMove(date, source);
        }
        em.flush();
        open.forEach(events::ended);
        Affiliation started = begin(contact, partnerId, role, date, source);
        return new Move(open, started);
    }

    /**
     * Part of an erasure (the caller's transaction, the contact locked): every affiliation still running after
     * {@code day} ends on it, each publishing affiliation-ended as any end does. Answers those it ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Affiliation> endAllForErasure(Contact contact, LocalDate day) {
        List<Affiliation> ended = Affiliation.<Affiliation>list("contactId = ?1 order by startDate, id", contact.id)
                .stream().filter(a -> a.endForErasure(day)).toList();
        em.flush();
        ended.forEach(events::ended);
        return ended;
    }

    private Affiliation begin(Contact contact, UUID partnerId, AffiliationRole role, LocalDate startDate,
            AffiliationSource source) {
        if (Partner.findById(partnerId) == null) {
            throw InvalidInput.field("partnerId", "does not name a partner");
        }
        Affiliation affiliation = Affiliation.start(contact.id, partnerId, role, startDate, source);
        DateRange period = affiliation.period();
        boolean overlapping = Affiliation.<Affiliation>list("contactId = ?1 and partnerId = ?2 and role = ?3",
                        contact.id, partnerId, role).stream()
                .anyMatch(existing -> existing.period().overlaps(period));
        if (overlapping) {
            throw Affiliation.conflict("The contact already has this role at this partner during that time");
        }
        affiliation.persist();
        em.flush();
        events.started(affiliation);
        return affiliation;
    }

    /** Serialises affiliation changes of one contact, and bumps its version: its ETag covers its affiliations. */
    private static Contact lockContact(UUID contactId) {
        return Contact.<Contact>findByIdOptional(contactId, LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .orElseThrow(() -> NotFound.of("Contact", contactId));
    }

    /** As {@link #lockContact}, for changes that add to a contact: an erased one gets none (409). */
    private static Contact lockLiveContact(UUID contactId) {
        Contact contact = lockContact(contactId);
        ContactService.requireNotErased(contact);
        return contact;
    }

    /** One page of a partner's affiliations in (start date, id) order, those current today or all. */
    @Transactional
    public Page<PartnerAffiliation> listForPartner(UUID partnerId, boolean currentOnly, PageRequest page) {
        if (Partner.findById(partnerId) == null) {
            throw NotFound.of("Partner", partnerId);
        }
        List<AffiliationQueries.Row> fetched = queries.ofPartner(partnerId, currentOnly ? LocalDate.now(clock) : null,
                page);
        return Page.of(fetched, page, AffiliationQueries::cursorOf,
                row -> new PartnerAffiliation(row.affiliation(), row.contact()));
    }
}

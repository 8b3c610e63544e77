package dev.trellis.partner.persistence;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Contact;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A partner's affiliations with the people's names, keyset-paged by (start date, id). */
@ApplicationScoped
public class AffiliationQueries {
    private final EntityManager em;

    public AffiliationQueries(EntityManager em) {
        this.em = em;
    }

    /** An affiliation of a partner, with the contact it belongs to. */
    public record Row(Affiliation affiliation, Contact contact) {
    }

    /**
     * One page of a partner's affiliations, those current on {@code today} or (null) all; fetches one extra row
     * to tell whether there is a next page.
     */
    public List<Row> ofPartner(UUID partnerId, LocalDate currentOn, PageRequest page) {
        Cursor after = page.decodedCursor(2);
        StringBuilder jpql = new StringBuilder(
                "select a, c from Affiliation a, Contact c where c.id = a.contactId and a.partnerId = :partner");
        if (currentOn != null) {
            // An erased person is nobody's current contact, even on the day of the erasure (its last day).
            jpql.append(" and a.startDate <= :today and (a.endDate is null or a.endDate >= :today) and c.erasedAt is null");
        }
        if (after != null) {
            jpql.append(" and (a.startDate > :afterStart or (a.startDate = :afterStart and a.id > :afterId))");
        }
        jpql.append(" order by a.startDate, a.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("partner", partnerId);
        if (currentOn != null) {
            query.setParameter("today", currentOn);
        }
        if (after != null) {
            query.setParameter("afterStart", date(after.key(0))).setParameter("afterId", after.uuid(1));
        }
        return query.setMaxResults(page.fetchSize()).getResultList().stream()
                .map(row -> new Row((Affiliation) row[0], (Contact) row[1]))
                .toList();
    }

    /** Which of these contacts had an affiliation (any role) with the partner on {@code on}. */
    public Set<UUID> affiliatedOn(UUID partnerId, Collection<UUID> contactIds, LocalDate on) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("""
                        select distinct a.contactId from Affiliation a
                        where a.partnerId = :partner and a.contactId in :contacts
                          and a.startDate <= :on and (a.endDate is null or a.endDate >= :on)
                        """, UUID.class)
                .setParameter("partner", partnerId).setParameter("contacts", Set.copyOf(contactIds))
                .setParameter("on", on).getResultList());
    }

    public static Cursor cursorOf(Row row) {
        return Cursor.of(row.affiliation().startDate, row.affiliation().id);
    }

    static LocalDate date(String key) {
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw Cursor.foreign();
        }
    }
}

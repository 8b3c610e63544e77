package dev.trellis.partner.persistence;

import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentState;
import dev.trellis.partner.domain.Contact;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The contact list, keyset-paged by (lower(last name), lower(first name), id); erased contacts never show. */
@ApplicationScoped
public class ContactQueries {
    private final EntityManager em;

    public ContactQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * One page; fetches one extra row to tell whether there is a next page.
     *
     * @param q         matched, case-insensitively, anywhere in first name, last name, full name or email
     * @param partnerId only contacts affiliated with this partner on {@code today}
     * @param consent   only contacts whose latest decision for this purpose grants it
     */
    public List<Contact> page(String q, UUID partnerId, ConsentPurpose consent, java.util.Collection<UUID> ids, LocalDate today,
            PageRequest page) {
        return page(q, partnerId, consent, ConsentState.GRANTED, ids, today, page);
    }

    /**
     * One page, as {@link #page(String, UUID, ConsentPurpose, java.util.Collection, LocalDate, PageRequest)}, with
     * {@code consentState} saying which state for {@code consent} a contact must be in: granted or withdrawn by
     * its latest decision, or unknown (no decision at all).
     */
    public List<Contact> page(String q, UUID partnerId, ConsentPurpose consent, ConsentState consentState,
            java.util.Collection<UUID> ids, LocalDate today, PageRequest page) {
        Cursor after = page.decodedCursor(3);
        StringBuilder where = new StringBuilder("where c.erasedAt is null ");
        Map<String, Object> params = new HashMap<>();
        if (ids != null && !ids.isEmpty()) {
            where.append(" and c.id in :ids");
            params.put("ids", ids);
        }
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
            params.put("today", today);
        }
        if (consent != null && consentState == ConsentState.UNKNOWN) {
            where.append(" and not exists (select 1 from Consent s where s.contactId = c.id and s.purpose = :purpose)");
            params.put("purpose", consent);
        } else if (consent != null) {
            // The latest decision per purpose is the state; recordedAt is strictly increasing per contact and purpose.
            where.append("""
                     and exists (select 1 from Consent s where s.contactId = c.id and s.purpose = :purpose
                                 and s.granted = :granted and s.recordedAt = (select max(s2.recordedAt) from Consent s2
                                     where s2.contactId = c.id and s2.purpose = :purpose))""");
            params.put("purpose", consent);
            params.put("granted", consentState != ConsentState.WITHDRAWN);
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

    /** "First Last" of these contacts, by id (an erased one reads "Erased contact"; unknown ids are left out). */
    public Map<UUID, String> displayNames(java.util.Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        em.createQuery("select c.id, c.firstName, c.lastName from Contact c where c.id in :ids", Object[].class)
                .setParameter("ids", java.util.Set.copyOf(ids)).getResultList()
                .forEach(row -> names.put((UUID) row[0], (row[1] + " " + row[2]).strip()));
        return names;
    }

    public static Cursor cursorOf(Contact c) {
        return Cursor.of(c.lastName.toLowerCase(Locale.ROOT), c.firstName.toLowerCase(Locale.ROOT), c.id);
    }
}

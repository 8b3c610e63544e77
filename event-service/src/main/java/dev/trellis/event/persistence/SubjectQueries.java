package dev.trellis.event.persistence;

import dev.trellis.event.domain.SentMail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The mails sent (or to be sent) to one person, for a subject-access export: who, which template, when. */
@ApplicationScoped
public class SubjectQueries {
    private final EntityManager em;

    public SubjectQueries(EntityManager em) {
        this.em = em;
    }

    /** Mails caused by these registrations or addressed to {@code email} (case-insensitive), oldest first, at most {@code max}. */
    @SuppressWarnings("unchecked")
    public List<SentMail> mails(Collection<UUID> registrationIds, String email, int max) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String where = registrationIds.isEmpty() ? "lower(recipient) = :email"
                : "reference_id in (:registrations) or lower(recipient) = :email";
        jakarta.persistence.Query query = em.createNativeQuery("select id, kind, reference_id, recipient, subject, "
                + "status, sent_at, created_at from mail_outbox where " + where + " order by created_at, id")
                .setParameter("email", address).setMaxResults(max);
        if (!registrationIds.isEmpty()) {
            query.setParameter("registrations", List.copyOf(registrationIds));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SentMail((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                (String) r[5], instant(r[6]), instant(r[7]))).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}

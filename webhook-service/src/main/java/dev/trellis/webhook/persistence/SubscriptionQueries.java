package dev.trellis.webhook.persistence;

import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.webhook.domain.Subscription;
import dev.trellis.webhook.domain.SubscriptionSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Subscriptions and their secrets. */
@ApplicationScoped
public class SubscriptionQueries {
    private final EntityManager em;

    public SubscriptionQueries(EntityManager em) {
        this.em = em;
    }

    public Subscription find(UUID id) {
        return em.find(Subscription.class, id);
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void delete(Subscription subscription) {
        em.remove(subscription);
    }

    /**
     * Subscriptions by creation, keyset-paged.
     *
     * @param owner only this partner's; null for all of them (staff)
     */
    public List<Subscription> list(UUID owner, PageRequest page) {
        Cursor cursor = page.decodedCursor(2);
        StringBuilder jpql = new StringBuilder("from Subscription s where 1 = 1");
        if (owner != null) {
            jpql.append(" and s.ownerPartnerId = :owner");
        }
        if (cursor != null) {
            jpql.append(" and (s.createdAt > :at or (s.createdAt = :at and s.id > :id))");
        }
        jpql.append(" order by s.createdAt, s.id");
        TypedQuery<Subscription> query = em.createQuery(jpql.toString(), Subscription.class);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        if (cursor != null) {
            query.setParameter("at", cursor.instant(0)).setParameter("id", cursor.uuid(1));
        }
        return query.setMaxResults(page.fetchSize()).getResultList();
    }

    /** The secrets that sign now, newest first. */
    public List<SubscriptionSecret> signingSecrets(Collection<UUID> subscriptions, Instant now) {
        if (subscriptions.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                from SubscriptionSecret s where s.subscriptionId in :ids and (s.expiresAt is null or s.expiresAt > :now)
                order by s.createdAt desc
                """, SubscriptionSecret.class)
                .setParameter("ids", subscriptions).setParameter("now", now).getResultList();
    }

    /** Starts the overlap of the current secrets: they sign until {@code until}. */
    public void expireCurrentSecrets(UUID subscription, Instant until) {
        em.createQuery("update SubscriptionSecret s set s.expiresAt = :until where s.subscriptionId = :id and s.expiresAt is null")
                .setParameter("until", until).setParameter("id", subscription).executeUpdate();
    }

    /** What one attempt did to the subscription's failure streak. */
    public record Streak(int failures, Instant since) {
    }

    public void succeeded(UUID subscription) {
        em.createNativeQuery("""
                update subscription set failure_streak = 0, failing_since = null where id = :id and failure_streak > 0
                """).setParameter("id", subscription).executeUpdate();
    }

    public Streak failed(UUID subscription, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("""
                update subscription set failure_streak = failure_streak + 1, failing_since = coalesce(failing_since, :now)
                where id = :id returning failure_streak, failing_since
                """).setParameter("id", subscription).setParameter("now", Timestamp.from(now)).getSingleResult();
        Object since = row[1];
        Instant at = since instanceof Timestamp t ? t.toInstant()
                : since instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) since;
        return new Streak(((Number) row[0]).intValue(), at);
    }

    public void disable(UUID subscription, String reason, Instant now) {
        em.createNativeQuery("""
                update subscription set enabled = false, disabled_reason = :reason, disabled_at = :now, version = version + 1,
                       updated_at = :now
                where id = :id and enabled
                """).setParameter("id", subscription).setParameter("reason", reason).setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }
}

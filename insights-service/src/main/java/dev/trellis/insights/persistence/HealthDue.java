package dev.trellis.insights.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Partners whose health is due for a computation ({@code health_due}): marked in an event's transaction, taken by
 * {@code service.HealthRecomputer}. Taking locks the rows and skips those another instance holds, so two instances
 * never compute one partner at once. Marking is an upsert that updates an existing row, so an event about a partner
 * being computed waits for that computation to commit (which deletes the row) and then inserts it again: the
 * computation may have read the state before the event, and the next one will not. (An insert that did nothing on
 * conflict would not wait, and the event's change would never be computed.)
 */
@ApplicationScoped
public class HealthDue {
    private final EntityManager em;

    public HealthDue(EntityManager em) {
        this.em = em;
    }

    /** In the caller's transaction. */
    public void mark(UUID partnerId) {
        em.createNativeQuery("insert into health_due (partner_id, due_since) values (?1, clock_timestamp())"
                + " on conflict (partner_id) do update set due_since = least(health_due.due_since, excluded.due_since)")
                .setParameter(1, partnerId).executeUpdate();
    }

    /** Up to {@code limit} due partners, the longest due first, locked until the caller's transaction ends. */
    @SuppressWarnings("unchecked")
    public List<UUID> take(int limit) {
        return em.createNativeQuery("select partner_id from health_due where due_since <= clock_timestamp() order by due_since limit ?1 for update skip locked", UUID.class)
                .setParameter(1, limit).getResultList();
    }

    /** Done with these (taken in the caller's transaction). */
    public void done(List<UUID> partnerIds) {
        if (!partnerIds.isEmpty()) {
            em.createNativeQuery("delete from health_due where partner_id = any(?1)")
                    .setParameter(1, partnerIds.toArray(new UUID[0])).executeUpdate();
        }
    }

    /** Takes this one partner if it is still due and nobody else holds it. */
    public boolean takeOne(UUID partnerId) {
        return !em.createNativeQuery("select partner_id from health_due where partner_id = ?1 for update skip locked", UUID.class)
                .setParameter(1, partnerId).getResultList().isEmpty();
    }

    /** Puts a partner whose computation failed back, due again after {@code delay}. */
    public void postpone(UUID partnerId, java.time.Duration delay) {
        em.createNativeQuery("update health_due set due_since = clock_timestamp() + make_interval(secs => ?2) where partner_id = ?1")
                .setParameter(1, partnerId).setParameter(2, (double) delay.toSeconds()).executeUpdate();
    }
}

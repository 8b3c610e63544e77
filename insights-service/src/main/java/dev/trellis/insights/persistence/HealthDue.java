package dev.trellis.insights.persistence;

import dev.trellis.platform.persistence.TableStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;

/**
 * Partners whose health is due for a computation ({@code health_due}): marked in an event's transaction, taken by
 * {@code service.HealthRecomputer}. Taking locks the rows and skips those another instance holds, so two instances
 * never compute one partner at once. Marking is an upsert that updates an existing row, so an event about a partner
 * being computed waits for that computation to commit (which deletes the row) and then inserts it again: the
 * computation may have read the state before the event, and the next one will not. (An insert that did nothing on
 * conflict would not wait, and the event's change would never be computed.)
 *
 * <p>A partner is due a quiet period after its latest event ({@code trellis.insights.health.quiet-period}), and no
 * later than a bound after its first ({@code …max-delay}): a burst of one partner's events (a replay of its history)
 * costs one computation, and the computation does not take a partner whose events are still arriving (their marking
 * would wait for it).
 */
@ApplicationScoped
public class HealthDue {
    private final EntityManager em;
    private final double quietSeconds;
    private final double maxDelaySeconds;

    public HealthDue(EntityManager em,
            @ConfigProperty(name = "trellis.insights.health.quiet-period", defaultValue = "100ms") Duration quietPeriod,
            @ConfigProperty(name = "trellis.insights.health.max-delay", defaultValue = "1s") Duration maxDelay) {
        this.em = em;
        this.quietSeconds = quietPeriod.toNanos() / 1e9;
        this.maxDelaySeconds = Math.max(quietPeriod.toNanos(), maxDelay.toNanos()) / 1e9;
    }

    /** In the caller's transaction. */
    public void mark(UUID partnerId) {
        query("""
                insert into health_due (partner_id, due_since, due_at)
                values (?1, clock_timestamp(), clock_timestamp() + make_interval(secs => ?2))
                on conflict (partner_id) do update
                set due_at = least(health_due.due_since + make_interval(secs => ?3), excluded.due_at)
                """)
                .setParameter(1, partnerId).setParameter(2, quietSeconds).setParameter(3, maxDelaySeconds).executeUpdate();
    }

    /** How long until the next partner is due (zero if one is due now), or empty if none is. */
    public Optional<Duration> untilNext() {
        Object millis = query(
                "select greatest(0, extract(epoch from min(due_at) - clock_timestamp()) * 1000) from health_due")
                .getSingleResult();
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(((Number) millis).longValue()));
    }

    /**
     * Up to {@code limit} partners due now, the earliest first, locked until the caller's transaction ends. (Untyped
     * queries: Hibernate 7.2 keys a native query given a result class by a mapping that never equals the cached one,
     * so each call added a plan to the cache and every lookup compared against all of them.)
     */
    public List<UUID> take(int limit) {
        return ids(query("select partner_id from health_due where due_at <= clock_timestamp() order by due_at limit ?1 for update skip locked")
                .setParameter(1, limit).getResultList());
    }

    /** Done with these (taken in the caller's transaction). */
    public void done(List<UUID> partnerIds) {
        if (!partnerIds.isEmpty()) {
            query("delete from health_due where partner_id = any(?1)")
                    .setParameter(1, partnerIds.toArray(new UUID[0])).executeUpdate();
        }
    }

    /** Takes this one partner if it is still due and nobody else holds it. */
    public boolean takeOne(UUID partnerId) {
        return !query("select partner_id from health_due where partner_id = ?1 for update skip locked")
                .setParameter(1, partnerId).getResultList().isEmpty();
    }

    private NativeQuery<?> query(String sql) {
        return TableStatements.about(em, "health_due", sql);
    }

    private static List<UUID> ids(List<?> rows) {
        return rows.stream().map(UUID.class::cast).toList();
    }

    /** Puts a partner whose computation failed back, due again after {@code delay}. */
    public void postpone(UUID partnerId, java.time.Duration delay) {
        query("update health_due set due_since = clock_timestamp() + make_interval(secs => ?2), due_at = clock_timestamp() + make_interval(secs => ?2) where partner_id = ?1")
                .setParameter(1, partnerId).setParameter(2, (double) delay.toSeconds()).executeUpdate();
    }
}

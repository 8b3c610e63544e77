package dev.trellis.webhook.persistence;

import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.persistence.TableStatements;
import dev.trellis.webhook.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The deliveries: recorded by the consumer, claimed and settled by the worker, read by the log. */
@ApplicationScoped
public class DeliveryQueries {
    private final EntityManager em;

    public DeliveryQueries(EntityManager em) {
        this.em = em;
    }

    /** One event to record for every subscription it matches. */
    public record NewDelivery(UUID subscriptionId, String lane, String eventId, String eventType, String body) {
    }

    /** The enabled subscriptions an event of {@code type} about {@code partnerId} (null: none) goes to. */
    public List<UUID> matching(String type, UUID partnerId) {
        List<?> rows = TableStatements.about(em, "subscription", """
                select id from subscription
                where enabled and :type = any(event_types)
                  and (owner_partner_id is null or owner_partner_id = cast(:partner as uuid))
                  and (filter_partner_id is null or filter_partner_id = cast(:partner as uuid))
                order by id
                """)
                .setParameter("type", type)
                .setParameter("partner", partnerId == null ? null : partnerId.toString())
                .getResultList();
        return rows.stream().map(r -> (UUID) r).toList();
    }

    /** Records the deliveries in one statement, in the list's order (their seq follows it). */
    public void record(List<NewDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        TableStatements.about(em, "delivery", """
                insert into delivery (id, subscription_id, lane, event_id, event_type, body, status, attempts, next_attempt_at, created_at)
                select gen_random_uuid(), d.subscription_id, d.lane, d.event_id, d.event_type, d.body, 'PENDING', 0, :now, :now
                from unnest(cast(:subs as uuid[]), cast(:lanes as varchar[]), cast(:ids as varchar[]), cast(:types as varchar[]),
                            cast(:bodies as text[])) with ordinality as d(subscription_id, lane, event_id, event_type, body, n)
                order by d.n
                """)
                .setParameter("subs", deliveries.stream().map(d -> d.subscriptionId().toString()).toArray(String[]::new))
                .setParameter("lanes", deliveries.stream().map(NewDelivery::lane).toArray(String[]::new))
                .setParameter("ids", deliveries.stream().map(NewDelivery::eventId).toArray(String[]::new))
                .setParameter("types", deliveries.stream().map(NewDelivery::eventType).toArray(String[]::new))
                .setParameter("bodies", deliveries.stream().map(NewDelivery::body).toArray(String[]::new))
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /** A delivery the worker is about to send, locked until its transaction ends. */
    public record Due(UUID id, UUID subscriptionId, String url, String eventId, String body, int attempts, Instant createdAt) {
    }

    /**
     * Locks up to {@code limit} due deliveries, each the oldest pending one of its lane (so a lane has one in flight
     * and keeps its order), of enabled subscriptions; rows other workers hold are skipped.
     */
    public List<Due> claimDue(int limit, Instant now) {
        List<?> rows = em.createNativeQuery("""
                select d.id, d.subscription_id, s.url, d.event_id, d.body, d.attempts, d.created_at
                from delivery d join subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= :now and s.enabled
                  and not exists (select 1 from delivery p where p.subscription_id = d.subscription_id and p.lane = d.lane
                                  and p.status = 'PENDING' and p.seq < d.seq)
                order by d.next_attempt_at, d.seq
                limit :limit
                for update of d skip locked
                """)
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", limit)
                .getResultList();
        List<Due> due = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            due.add(new Due((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                    instant(r[6])));
        }
        return due;
    }

    public void delivered(UUID id, int statusCode, Instant now) {
        em.createNativeQuery("""
                update delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :now, delivered_at = :now,
                       last_status_code = :code, last_error = null
                where id = :id
                """)
                .setParameter("id", id).setParameter("now", Timestamp.from(now)).setParameter("code", statusCode)
                .executeUpdate();
    }

    /** @param next the next attempt, or null to give up (FAILED) */
    public void failed(UUID id, Integer statusCode, String error, Instant now, Instant next) {
        em.createNativeQuery("""
                update delivery set status = case when cast(:next as timestamptz) is null then 'FAILED' else 'PENDING' end,
                       attempts = attempts + 1, last_attempt_at = :now,
                       next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at),
                       last_status_code = cast(:code as integer), last_error = :error
                where id = :id
                """)
                .setParameter("id", id).setParameter("now", Timestamp.from(now))
                .setParameter("next", next == null ? null : Timestamp.from(next))
                .setParameter("code", statusCode).setParameter("error", error)
                .executeUpdate();
    }

    /** The pending deliveries of a subscription that was off are due again now. */
    public void resume(UUID subscriptionId, Instant now) {
        em.createNativeQuery("update delivery set next_attempt_at = :now where subscription_id = :id and status = 'PENDING'")
                .setParameter("id", subscriptionId).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    /** A new delivery of the same event (same webhook-id) at the end of its lane. @return its id */
    public UUID redeliver(Delivery original, Instant now) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into delivery (id, subscription_id, lane, event_id, event_type, body, status, attempts, next_attempt_at,
                                      created_at, redelivery_of)
                select :id, subscription_id, lane, event_id, event_type, body, 'PENDING', 0, :now, :now, id
                from delivery where id = :original
                """)
                .setParameter("id", id).setParameter("original", original.id).setParameter("now", Timestamp.from(now))
                .executeUpdate();
        return id;
    }

    public Delivery find(UUID subscriptionId, UUID id) {
        Delivery delivery = em.find(Delivery.class, id);
        return delivery == null || !delivery.subscriptionId.equals(subscriptionId) ? null : delivery;
    }

    /** A subscription's deliveries, newest first, keyset-paged by seq. */
    public List<Delivery> log(UUID subscriptionId, PageRequest page) {
        Cursor cursor = page.decodedCursor(1);
        long before = Long.MAX_VALUE;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor.key(0));
            } catch (NumberFormatException e) {
                throw Cursor.foreign();
            }
        }
        return em.createQuery("from Delivery d where d.subscriptionId = :id and d.seq < :before order by d.seq desc", Delivery.class)
                .setParameter("id", subscriptionId).setParameter("before", before)
                .setMaxResults(page.fetchSize()).getResultList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}

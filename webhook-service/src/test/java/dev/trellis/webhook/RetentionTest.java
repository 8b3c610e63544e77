package dev.trellis.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.retention.RetentionRun;
import dev.trellis.platform.retention.RetentionRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * webhook-service's retention (docs/privacy.md): finished deliveries go 90 days after they were recorded, a
 * delivery one day younger stays, and a pending one stays whatever its age. The run is dated forward.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionRunner retention;

    @Inject
    EntityManager em;

    @Test
    void finishedDeliveriesGoNinetyDaysAfterTheyWereRecordedAndPendingOnesStay() {
        UUID subscription = UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into subscription (id, url, event_types, enabled, created_at, updated_at, version)
                values (?1, 'https://receiver.example.org/hook', cast('{test}' as varchar[]), false, now(), now(), 0)""")
                .setParameter(1, subscription).executeUpdate());
        UUID delivered = delivery(subscription, "DELIVERED", now.minus(Duration.ofDays(1)));
        UUID failed = delivery(subscription, "FAILED", now.minus(Duration.ofDays(1)));
        UUID young = delivery(subscription, "DELIVERED", now);
        UUID pending = delivery(subscription, "PENDING", now.minus(Duration.ofDays(1)));

        // 89 days and an hour on: the older rows are 90 days and an hour old, the young one 89 days.
        List<RetentionRun> runs = retention.runAt(now.plus(Duration.ofDays(89).plusHours(1)));

        assertEquals(List.of(young, pending).stream().map(UUID::toString).sorted().toList(),
                ids(delivered, failed, young, pending));
        RetentionRun run = runs.stream().filter(r -> r.category().equals("webhook-deliveries")).findFirst().orElseThrow();
        assertTrue(run.affected() >= 2, run.toString());
        assertEquals("P90D", run.after());
    }

    private UUID delivery(UUID subscription, String status, Instant createdAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into delivery (id, subscription_id, lane, event_id, event_type, body, status, next_attempt_at,
                                      created_at)
                values (?1, ?2, '', ?3, 'test', '{}', ?4, now() + interval '1 year', cast('%s' as timestamptz))""".formatted(createdAt))
                .setParameter(1, id).setParameter(2, subscription).setParameter(3, UUID.randomUUID().toString())
                .setParameter(4, status).executeUpdate());
        return id;
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(UUID... ids) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(id as text) from delivery where id in (?1) order by 1")
                .setParameter(1, List.of(ids)).getResultList());
    }
}

package dev.trellis.platform.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The platform's own rules (published outbox rows, inbox rows) and the runner's mechanics: the run is dated
 * by a moved clock, a row one day younger than the limit stays, each category is logged in retention_run.
 */
@QuarkusTest
class RetentionRunnerTest {

    @Inject
    RetentionRunner runner;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishedOutboxRowsGoSevenDaysAfterPublishingAndUnpublishedOnesStay() {
        Instant now = Instant.now();
        UUID old = outboxRow(now.minus(Duration.ofDays(1)));
        UUID young = outboxRow(now);
        UUID unpublished = outboxRow(null);

        // Six days and one hour on: the row published a day earlier is 7 days and 1 hour old, the other 6 days.
        List<RetentionRun> runs = runner.runAt(now.plus(Duration.ofDays(6).plusHours(1)));

        assertEquals(Set.of(young, unpublished), Set.copyOf(outboxIds(old, young, unpublished)));
        RetentionRun published = byCategory(runs).get("published-events");
        assertTrue(published.affected() >= 1, published.toString());
        assertEquals("P7D", published.after());
        assertEquals(RetentionRule.Action.DELETE, published.action());
        assertEquals(now.plus(Duration.ofDays(6).plusHours(1)).minus(Duration.ofDays(7)), published.cutoff());
    }

    @Test
    void inboxRowsAreForgottenThirtyDaysAfterProcessing() {
        String consumer = "retention-test-" + UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into inbox_event (consumer, event_id, event_type, processed_at) values
                    (:c, 'old', 'test', cast(:old as timestamptz)), (:c, 'young', 'test', cast(:young as timestamptz))
                """).setParameter("c", consumer).setParameter("old", now.minus(Duration.ofDays(1)).toString())
                .setParameter("young", now.toString()).executeUpdate());

        // 29 days and an hour on: 'old' is 30 days and an hour old, 'young' a day younger.
        runner.runAt(now.plus(Duration.ofDays(29).plusHours(1)));

        assertEquals(List.of("young"), inboxIds(consumer));
    }

    @Test
    void eachRunIsLoggedPerCategoryAndRulesOfMissingTablesAreSkipped() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3650))
                .plusSeconds(UUID.randomUUID().hashCode() & 0xffff);

        List<RetentionRun> runs = runner.runAt(at);

        // The platform's test database has no audit_entry and no mail_outbox.
        assertEquals(List.of("processed-events", "published-events"),
                runs.stream().map(RetentionRun::category).sorted().toList());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select category, action, retain_for, affected from retention_run where run_at = cast(:at as timestamptz) order by category""")
                .setParameter("at", at.toString()).getResultList());
        assertEquals(2, rows.size());
        assertEquals("processed-events", rows.get(0)[0]);
        assertEquals("DELETE", rows.get(0)[1]);
        assertEquals("P30D", rows.get(0)[2]);
        assertEquals(runs.stream().filter(r -> r.category().equals("processed-events")).findFirst().orElseThrow()
                .affected(), ((Number) rows.get(0)[3]).longValue());
        assertEquals("published-events", rows.get(1)[0]);
    }

    @Test
    void anInstanceThatDoesNotGetTheLockLeavesTheRunToTheOther() throws Exception {
        Instant now = Instant.now();
        UUID old = outboxRow(now.minus(Duration.ofDays(30)));
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, RetentionRunner.LOCK_CLASS);
            lock.setInt(2, RetentionRunner.LOCK_KEY);
            lock.execute();

            assertEquals(List.of(), runner.runAt(now));
            assertEquals(List.of(old), outboxIds(old));
        }
        runner.runAt(now);
        assertEquals(List.of(), outboxIds(old));
    }

    @Test
    void periodsCountCalendarMonthsAndDurationsHours() {
        assertEquals(Period.ofMonths(24), RetentionRunner.parse("P24M"));
        assertEquals(Period.ofYears(6), RetentionRunner.parse("p6y"));
        assertEquals(Duration.ofHours(12), RetentionRunner.parse("PT12H"));
        assertThrows(DateTimeParseException.class, () -> RetentionRunner.parse("90 days"));
        assertFalse(RetentionRule.delete("mail-delivery-log", "t", "P1D", "x").settingName().contains("_"));
        assertThrows(IllegalArgumentException.class, () -> RetentionRule.delete("Mail_Log", "t", "P1D", "x"));
    }

    private static Map<String, RetentionRun> byCategory(List<RetentionRun> runs) {
        return runs.stream().collect(Collectors.toMap(RetentionRun::category, r -> r));
    }

    private UUID outboxRow(Instant publishedAt) {
        UUID id = UUID.randomUUID();
        String published = publishedAt == null ? "null" : "cast(:published as timestamptz)";
        QuarkusTransaction.requiringNew().run(() -> {
            var insert = em.createNativeQuery("""
                    insert into outbox_event (id, topic, aggregate_id, type, source, occurred_at, data, published_at)
                    values (:id, 'platform-test-retention', 'a', 'test', 'platform-test', now(), cast('{}' as json), %s)
                    """.formatted(published)).setParameter("id", id);
            if (publishedAt != null) {
                insert.setParameter("published", publishedAt.toString());
            }
            insert.executeUpdate();
        });
        return id;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> outboxIds(UUID... ids) {
        List<String> found = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(id as text) from outbox_event where id in (:ids)")
                .setParameter("ids", List.of(ids)).getResultList());
        return found.stream().map(UUID::fromString).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> inboxIds(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_id from inbox_event where consumer = :c order by event_id")
                .setParameter("c", consumer).getResultList());
    }
}

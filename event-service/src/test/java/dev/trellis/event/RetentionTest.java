package dev.trellis.event;

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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * event-service's retention (docs/privacy.md): the clock moves forward, the daily run runs, and exactly the
 * rows past their limit are anonymised or deleted; a row one day younger than the limit stays.
 */
@QuarkusTest
class RetentionTest {
    @Inject
    TestClock clock;

    @Inject
    RetentionRunner retention;

    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void guestRegistrationsAreAnonymisedTwentyFourMonthsAfterTheEventAndContactsRegistrationsStay() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID earlier = Fixtures.publishedEvent(10, start);
        UUID later = Fixtures.publishedEvent(10, start.plus(1, ChronoUnit.DAYS));
        String guest = Fixtures.email();
        String guestId = Fixtures.registerGuest(earlier, guest)[0];
        String contactsId = Fixtures.registerGuest(earlier, Fixtures.email())[0];
        String laterGuestId = Fixtures.registerGuest(later, Fixtures.email())[0];
        UUID contact = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update registration set contact_id = ?1 where id = ?2")
                .setParameter(1, contact).setParameter(2, UUID.fromString(contactsId)).executeUpdate());
        String[] before = registration(contactsId);

        // 24 months and an hour after the earlier event ended (3 hours after its start): the later one ended
        // 23 hours less than 24 months ago.
        Instant earlierEnd = start.plus(3, ChronoUnit.HOURS);
        clock.shift(Duration.between(Instant.now(),
                earlierEnd.atZone(ZoneOffset.UTC).plusMonths(24).plusHours(1).toInstant()));
        List<RetentionRun> runs = retention.run();

        String[] anonymised = registration(guestId);
        assertEquals("Anonymised guest", anonymised[0]);
        assertEquals("anonymised-" + guestId + "@erased.invalid", anonymised[1]);
        assertEquals("REGISTERED", anonymised[2], "the row stays, for statistics");
        assertEquals(0L, count("select count(*) from registration where lower(email) = lower(?1)", guest));
        assertEquals(List.of(before), List.of(registration(contactsId)), "a contact's registration waits for erasure");
        assertTrue(registration(laterGuestId)[1].endsWith("@example.org"), "one day younger than the limit: stays");
        RetentionRun run = runs.stream().filter(r -> r.category().equals("guest-registrations")).findFirst().orElseThrow();
        assertTrue(run.affected() >= 1, run.toString());
        assertEquals("P24M", run.after());
        assertEquals(1L, count("""
                select count(*) from retention_run where category = 'guest-registrations' and action = 'ANONYMISE'
                and abs(extract(epoch from cutoff - ?1)) < 0.001 and affected = ?2""", run.cutoff().atOffset(ZoneOffset.UTC), run.affected()));

        // A second run finds nothing more to do with these rows.
        retention.run();
        assertEquals("anonymised-" + guestId + "@erased.invalid", registration(guestId)[1]);
    }

    @Test
    void sentAndFailedMailsGoNinetyDaysAfterSendingAndPendingMailsStay() {
        Instant now = Instant.now();
        UUID old = mail("SENT", now.minus(1, ChronoUnit.DAYS));
        UUID oldFailed = mail("FAILED", null);
        UUID young = mail("SENT", now);
        UUID pending = mail("PENDING", null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update mail_outbox set created_at = ?1 where id in (?2, ?3)")
                .setParameter(1, now.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .setParameter(2, oldFailed).setParameter(3, pending).executeUpdate());

        clock.shift(Duration.ofDays(89).plusHours(1)); // the old rows are 90 days and an hour old, the young one 89 days
        RetentionRun run = retention.run().stream().filter(r -> r.category().equals("mail-delivery-log")).findFirst()
                .orElseThrow();

        assertEquals(List.of(young, pending).stream().map(UUID::toString).sorted().toList(),
                mailIds(old, oldFailed, young, pending));
        assertTrue(run.affected() >= 2, run.toString());
        assertEquals("P90D", run.after());
    }

    private UUID mail(String status, Instant sentAt) {
        UUID id = UUID.randomUUID();
        String sent = sentAt == null ? "null" : "cast('" + sentAt + "' as timestamptz)";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into mail_outbox (id, kind, recipient, subject, body_text, body_html, status, sent_at)
                values (?1, 'retention-test', 'someone@example.org', 'Retention', '', '', ?2, %s)""".formatted(sent))
                .setParameter(1, id).setParameter(2, status).executeUpdate());
        return id;
    }

    @SuppressWarnings("unchecked")
    private List<String> mailIds(UUID... ids) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(id as text) from mail_outbox where id in (?1) order by 1")
                .setParameter(1, List.of(ids)).getResultList());
    }

    private String[] registration(String id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select name, email, status, cast(contact_id as text) from registration where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        return new String[] {(String) row[0], (String) row[1], (String) row[2], (String) row[3]};
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}

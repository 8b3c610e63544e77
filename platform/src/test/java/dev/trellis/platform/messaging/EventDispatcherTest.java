package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.domain.InvalidInput;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** The one consumer shell: catalog types to handlers, once per event id, poison to the dead-letter topic. */
@QuarkusTest
class EventDispatcherTest {
    @Inject
    EventDispatcher dispatcher;
    @Inject
    EntityManager em;
    @Inject
    @Readiness
    ConsumerReadiness health;
    @Inject
    MeterRegistry registry;

    private final List<String> seen = new ArrayList<>();

    private EventHandlers handlers(String consumer) {
        return EventHandlers.consumer(consumer)
                .on(PartnerRegistered.class, (p, event) -> seen.add(p.name() + "@" + event.time() + "#" + event.subject()))
                .afterEach(() -> seen.add("after"))
                .build();
    }

    @Test
    void aHandledEventRunsOnceWithItsPayloadAndMetadata() {
        String consumer = "dispatch-" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        var record = record(UUID.randomUUID().toString(), PartnerRegistered.TYPE, partner.toString(),
                "{\"partnerId\":\"" + partner + "\",\"name\":\"Acme\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[]}");

        assertTrue(dispatcher.dispatch(handlers(consumer), record));
        assertFalse(dispatcher.dispatch(handlers(consumer), record), "a redelivery is skipped");
        assertEquals(List.of("Acme@2026-11-30T10:00:00Z#" + partner, "after"), seen);
    }

    @Test
    void aCatalogTypeWithoutHandlerIsPassedOverAndLeavesNoInboxRow() {
        String consumer = "dispatch-" + UUID.randomUUID();
        var record = record(UUID.randomUUID().toString(), AffiliationEnded.TYPE, "p", "{}");
        assertFalse(dispatcher.dispatch(handlers(consumer), record));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from inbox_event where consumer = :c")
                .setParameter("c", consumer).getSingleResult()).longValue());
        assertTrue(seen.isEmpty());
    }

    @Test
    void whatCanNeverBeProcessedIsMalformed() {
        EventHandlers handlers = handlers("dispatch-" + UUID.randomUUID());
        MalformedEventException unknown = assertThrows(MalformedEventException.class, () -> dispatcher.dispatch(handlers,
                record(UUID.randomUUID().toString(), "dev.trellis.partner.partner-registered.v9", "p", "{}")));
        assertTrue(unknown.getMessage().contains("not in the catalog"), unknown.getMessage());
        assertThrows(MalformedEventException.class, () -> dispatcher.dispatch(handlers,
                record(UUID.randomUUID().toString(), PartnerRegistered.TYPE, "p", "{\"partnerId\": 7")));
        assertThrows(MalformedEventException.class, () -> dispatcher.dispatch(handlers,
                record(UUID.randomUUID().toString(), PartnerRegistered.TYPE, "p", "null")));
        assertThrows(MalformedEventException.class, () -> dispatcher.dispatch(handlers,
                record(UUID.randomUUID().toString(), PartnerRegistered.TYPE, "p", "")));
        assertTrue(seen.isEmpty());
    }

    @Test
    void anEffectThatFailsOutsideTheEventIsRetriedUntilItSucceedsAndTheStallShowsMeanwhile() {
        String consumer = "dispatch-" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        var record = record(UUID.randomUUID().toString(), PartnerRegistered.TYPE, partner.toString(),
                "{\"partnerId\":\"" + partner + "\",\"name\":\"Acme\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[]}");
        int[] attempts = {0};
        List<HealthCheckResponse.Status> readinessDuringTheStall = new ArrayList<>();
        EventHandlers flaky = EventHandlers.consumer(consumer)
                .on(PartnerRegistered.class, (p, e) -> {
                    em.createNativeQuery("insert into inbox_event (consumer, event_id, event_type) values (:c, :id, 'marker')")
                            .setParameter("c", consumer + "-effect").setParameter("id", "attempt-" + attempts[0])
                            .executeUpdate();
                    if (++attempts[0] < 3) {
                        throw new PersistenceException("database hiccup");
                    }
                    readinessDuringTheStall.add(health.call().getStatus());
                }).build();

        assertTrue(dispatcher.dispatch(flaky, record));
        assertEquals(3, attempts[0]);
        assertEquals(List.of(HealthCheckResponse.Status.DOWN), readinessDuringTheStall);
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus(), "the stall ends with the success");
        assertEquals(2.0, registry.get("trellis.consumer.retries").tag("consumer", consumer).counter().count());
        assertEquals(1.0, registry.get("trellis.consumer.processed").tag("consumer", consumer).counter().count());
        assertEquals(1L, count("select count(*) from inbox_event where consumer = '" + consumer + "-effect'"),
                "the failed attempts' writes were rolled back");
        assertFalse(dispatcher.dispatch(handlers(consumer), record), "and the event counts as processed once");
    }

    @Test
    void anEffectThatRefusesTheEventSendsItToTheDeadLetterTopic() {
        String consumer = "dispatch-" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        var record = record(UUID.randomUUID().toString(), PartnerRegistered.TYPE, partner.toString(),
                "{\"partnerId\":\"" + partner + "\",\"name\":\"Acme\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[]}");
        EventHandlers refusing = EventHandlers.consumer(consumer)
                .on(PartnerRegistered.class, (p, e) -> {
                    throw InvalidInput.field("partnerId", "names a partner this service cannot accept");
                }).build();
        MalformedEventException dead = assertThrows(MalformedEventException.class, () -> dispatcher.dispatch(refusing, record));
        assertTrue(dead.getMessage().contains("was refused"), dead.getMessage());
        assertEquals(1.0, registry.get("trellis.consumer.dead.letters").tag("consumer", consumer).counter().count());
        assertTrue(dispatcher.dispatch(handlers(consumer), record), "nothing was recorded for the refused attempt");
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void aPayloadOutsideTheCatalogCannotBeRegistered() {
        record Stray(String id) {
        }
        assertThrows(IllegalArgumentException.class, () -> EventHandlers.consumer("x").on(Stray.class, (s, e) -> {
        }));
        assertThrows(IllegalArgumentException.class, () -> EventHandlers.consumer("x")
                .on(PartnerRegistered.class, (p, e) -> {
                }).on(PartnerRegistered.class, (p, e) -> {
                }));
    }

    private static ConsumerRecord<String, String> record(String id, String type, String subject, String data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("test.dispatch", 0, 0L, subject, data);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, "dispatcher-test");
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.TIME, Instant.parse("2026-11-30T10:00:00Z").toString());
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

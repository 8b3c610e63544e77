package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.PartnerRegistered;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The one consumer shell: catalog types to handlers, once per event id, poison to the dead-letter topic. */
@QuarkusTest
class EventDispatcherTest {
    @Inject
    EventDispatcher dispatcher;
    @Inject
    EntityManager em;

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
    void aFailingEffectRollsBackItsInboxRowSoTheRetryRunsIt() {
        String consumer = "dispatch-" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        var record = record(UUID.randomUUID().toString(), PartnerRegistered.TYPE, partner.toString(),
                "{\"partnerId\":\"" + partner + "\",\"name\":\"Acme\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[]}");
        EventHandlers failing = EventHandlers.consumer(consumer)
                .on(PartnerRegistered.class, (p, e) -> {
                    throw new IllegalStateException("database hiccup");
                }).build();
        assertThrows(IllegalStateException.class, () -> dispatcher.dispatch(failing, record));
        assertTrue(dispatcher.dispatch(handlers(consumer), record));
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

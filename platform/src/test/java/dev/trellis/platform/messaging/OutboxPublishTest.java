package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.Topics;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.testing.RelaySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbox.publish takes topic, type and key from the catalog; the outbox shows in metrics and readiness. */
@QuarkusTest
class OutboxPublishTest {
    @Inject
    Outbox outbox;
    @Inject
    OutboxStore store;
    @Inject
    @Readiness
    OutboxReadiness readiness;
    @Inject
    OutboxMetrics metrics;
    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;

    record NotAnEvent(UUID partnerId) {
    }

    @BeforeEach
    void emptyOutbox() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox_event").executeUpdate());
    }

    @Test
    void publishTakesTopicTypeAndKeyFromTheCatalog() {
        UUID partner = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(new PartnerRegistered(partner, "Acme", PartnerLifecycleStatus.ACTIVE, null, "DE", List.of()));
            outbox.publish(new ContactErased(contact, Instant.parse("2026-11-30T10:00:00Z"), null, null));
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select topic, type, aggregate_id from outbox_event order by seq")
                .getResultList();
        assertEquals(2, rows.size());
        assertEquals(List.of(Topics.PARTNER, PartnerRegistered.TYPE, partner.toString()), List.of(rows.get(0)));
        assertEquals(List.of(Topics.PARTNER, ContactErased.TYPE, contact.toString()), List.of(rows.get(1)),
                "contact-erased is keyed by contact, as the catalog says");
    }

    @Test
    void aPayloadOutsideTheCatalogOrWithoutItsKeyIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(new NotAnEvent(UUID.randomUUID()))));
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(new PartnerRegistered(null, "x", PartnerLifecycleStatus.ACTIVE, null, null, List.of()))));
        assertEquals(0, store.unpublishedCount());
    }

    @Test
    void readinessTurnsDownWhenTheOldestUnpublishedRowWaitsTooLong() {
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(
                new PartnerRegistered(UUID.randomUUID(), "Fresh", PartnerLifecycleStatus.ACTIVE, null, null, List.of())));
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus(), "a row just written is not stuck");
        assertEquals(1.0, registry.get("trellis.outbox.unpublished").gauge().value());

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update outbox_event set occurred_at = now() - interval '1 hour'").executeUpdate());
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        assertTrue(registry.get("trellis.outbox.oldest.age").gauge().value() >= 3600);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update outbox_event set published_at = now()").executeUpdate());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals(0.0, registry.get("trellis.outbox.unpublished").gauge().value());
        assertEquals(0.0, registry.get("trellis.outbox.oldest.age").gauge().value());
    }

    @Test
    void rowsARelayPublishesAreCounted() throws Exception {
        double before = registry.get("trellis.outbox.published").counter().count();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                outbox.record("test.outbox-publish." + UUID.randomUUID(), "dev.trellis.test.thing-happened.v1", "p-" + i,
                        new NotAnEvent(UUID.randomUUID()));
            }
        });
        try (OutboxRelay relay = new OutboxRelay("count", store, RelaySettings.fast("127.0.0.1:9092"), metrics::published)) {
            relay.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (store.unpublishedCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(0, store.unpublishedCount());
        assertEquals(before + 3, registry.get("trellis.outbox.published").counter().count());
    }
}

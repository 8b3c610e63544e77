package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.KafkaBroker;
import dev.trellis.platform.testing.RelaySettings;
import dev.trellis.platform.testing.TestConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {
    private static final String KAFKA = "127.0.0.1:9092";

    @Inject
    Outbox outbox;
    @Inject
    OutboxStore store;
    @Inject
    OutboxSignal signal;
    @Inject
    EntityManager em;

    record Payload(String partnerId, int n) {
    }

    @BeforeEach
    void emptyOutbox() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox_event").executeUpdate());
    }

    @Test
    void relayPublishesCommittedEventsAsBinaryCloudEventsKeyedByAggregate() {
        String topic = topic();
        String partner = UUID.randomUUID().toString();
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> outbox.record(topic, "dev.trellis.test.thing-happened.v1", partner, new Payload(partner, 1)));

        try (OutboxRelay relay = relay(KAFKA); TestConsumer consumer = new TestConsumer(KAFKA, topic)) {
            ConsumerRecord<String, String> record = consumer.awaitRecords(1, Duration.ofSeconds(20)).get(0);
            assertEquals(partner, record.key());
            assertEquals("{\"partnerId\":\"" + partner + "\",\"n\":1}", record.value());
            CloudEvent event = CloudEvent.fromKafka(record);
            assertEquals(id.toString(), event.id());
            assertEquals("dev.trellis.test.thing-happened.v1", event.type());
            assertEquals("platform-test", event.source());
            assertEquals(partner, event.subject());
            assertEquals("application/json", header(record, "content-type"));
            assertTrue(event.time() != null);
        }
        awaitUnpublished(0);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String topic = topic();
        QuarkusTransaction.begin();
        outbox.record(topic, "dev.trellis.test.thing-happened.v1", "p-1", new Payload("p-1", 1));
        QuarkusTransaction.rollback();

        assertEquals(0L, store.unpublishedCount());
        try (OutboxRelay relay = relay(KAFKA); TestConsumer consumer = new TestConsumer(KAFKA, topic)) {
            assertEquals(0, consumer.pollFor(Duration.ofSeconds(3)).size());
        }
    }

    @Test
    void eventsCommittedBeforeACrashArePublishedAfterRestart() {
        String topic = topic();
        // The "crashed" process: its transactions committed, but its relay never ran.
        for (int i = 0; i < 10; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> outbox.record(topic, "dev.trellis.test.thing-happened.v1",
                    "p-crash", new Payload("p-crash", n)));
        }
        try (TestConsumer consumer = new TestConsumer(KAFKA, topic)) {
            assertEquals(0, consumer.pollFor(Duration.ofSeconds(2)).size(), "nothing may be sent inside the transaction");
            assertEquals(10L, store.unpublishedCount());

            // The restarted process: a new relay finds the rows and publishes them, in order.
            try (OutboxRelay restarted = relay(KAFKA)) {
                List<ConsumerRecord<String, String>> records = consumer.awaitRecords(10, Duration.ofSeconds(20));
                assertEquals(10, records.size());
                for (int i = 0; i < 10; i++) {
                    assertTrue(records.get(i).value().endsWith("\"n\":" + i + "}"), records.get(i).value());
                }
            }
        }
        awaitUnpublished(0);
    }

    @Test
    void twoRelaysNeverPublishARowTwiceNorReorderAnAggregate() throws Exception {
        String topic = topic();
        int writers = 6;
        int perWriter = 60;
        List<String> aggregates = List.of("a1", "a2", "a3", "a4", "a5");
        try (OutboxRelay one = relay(KAFKA); OutboxRelay two = relay(KAFKA)) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String aggregate = aggregates.get((writer + i) % aggregates.size());
                        int n = writer * 1000 + i;
                        QuarkusTransaction.requiringNew().run(() -> outbox.record(topic,
                                "dev.trellis.test.thing-happened.v1", aggregate, new Payload(aggregate, n)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            int total = writers * perWriter;
            try (TestConsumer consumer = new TestConsumer(KAFKA, topic)) {
                List<ConsumerRecord<String, String>> records = consumer.awaitRecords(total, Duration.ofSeconds(60));
                records = consumer.pollFor(Duration.ofSeconds(2)); // anything extra would be a double publication
                assertEquals(total, records.size(), "each row exactly once");
                Set<String> ids = new HashSet<>();
                records.forEach(r -> ids.add(header(r, CloudEventHeaders.ID)));
                assertEquals(total, ids.size(), "no id twice");

                // Per aggregate, Kafka's order must be the outbox's sequence (= commit) order.
                Map<String, Long> seqById = sequences();
                Map<String, Long> lastSeq = new HashMap<>();
                for (ConsumerRecord<String, String> r : records) {
                    long seq = seqById.get(header(r, CloudEventHeaders.ID));
                    Long previous = lastSeq.put(r.key(), seq);
                    assertTrue(previous == null || previous < seq,
                            "aggregate " + r.key() + " reordered: " + previous + " then " + seq);
                }
            }
        }
        awaitUnpublished(0);
    }

    @Test
    void eventsRecordedWhileKafkaIsDownFlowOnceItIsBack() throws Exception {
        String topic = topic();
        try (KafkaBroker broker = new KafkaBroker(); OutboxRelay relay = relay(broker.bootstrapServers())) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                QuarkusTransaction.requiringNew().run(() -> outbox.record(topic, "dev.trellis.test.thing-happened.v1",
                        "p-outage", new Payload("p-outage", n)));
            }
            awaitFailedAttempts();
            assertEquals(20L, store.unpublishedCount(), "nothing is lost or marked sent while Kafka is down");

            broker.start();
            try (TestConsumer consumer = new TestConsumer(broker.bootstrapServers(), topic)) {
                List<ConsumerRecord<String, String>> records = consumer.awaitRecords(20, Duration.ofSeconds(60));
                assertEquals(20, records.size());
                for (int i = 0; i < 20; i++) {
                    assertTrue(records.get(i).value().endsWith("\"n\":" + i + "}"), records.get(i).value());
                }
                assertEquals(20, consumer.pollFor(Duration.ofSeconds(2)).size());
            }
            awaitUnpublished(0);
        }
    }

    private OutboxRelay relay(String bootstrap) {
        OutboxRelay relay = new OutboxRelay("test-" + UUID.randomUUID().toString().substring(0, 6), store,
                RelaySettings.fast(bootstrap));
        signal.subscribe(relay::wake);
        relay.start();
        return relay;
    }

    private static String topic() {
        return "platform-test-outbox-" + UUID.randomUUID();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> sequences() {
        Map<String, Long> result = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> ((List<Object[]>) em
                .createNativeQuery("select cast(id as text), seq from outbox_event").getResultList())
                .forEach(r -> result.put((String) r[0], ((Number) r[1]).longValue())));
        return result;
    }

    private void awaitUnpublished(long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.unpublishedCount() != expected && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertEquals(expected, store.unpublishedCount());
    }

    private void awaitFailedAttempts() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Number attempts = QuarkusTransaction.requiringNew().call(() -> (Number) em
                    .createNativeQuery("select coalesce(max(attempts), 0) from outbox_event").getSingleResult());
            if (attempts.intValue() > 0) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the relay never reported a failed attempt against the stopped broker");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.KafkaTopicsResource;
import dev.trellis.platform.testing.TestConsumer;
import dev.trellis.platform.testing.TestEffect;
import dev.trellis.platform.testing.TestEffectConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTopicsResource.class)
class InboxTest {
    private static final String KAFKA = "127.0.0.1:9092";

    @Inject
    Inbox inbox;

    @Test
    void duplicateDeliveryHasOneEffect() throws Exception {
        String id = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        send(cloudEvent(id, "dev.trellis.test.thing-happened.v1", "{\"n\":1}"));
        send(cloudEvent(id, "dev.trellis.test.thing-happened.v1", "{\"n\":1}"));
        send(cloudEvent(marker, "dev.trellis.test.thing-happened.v1", "{\"n\":2}"));

        awaitEffect(marker);
        assertEquals(1L, effects(id), "the redelivered event must not have a second effect");
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicWithReasonAndTheNextIsProcessed() throws Exception {
        String poison = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        send(cloudEvent(poison, TestEffectConsumer.POISON_TYPE, "{}"));
        send(new ProducerRecord<>(KafkaTopicsResource.IN, "p-1", "not a cloud event")); // no ce_* headers at all
        send(cloudEvent(next, "dev.trellis.test.thing-happened.v1", "{\"n\":3}"));

        awaitEffect(next);
        assertEquals(0L, effects(poison), "the poison message's effect was rolled back");
        try (TestConsumer dlq = new TestConsumer(KAFKA, KafkaTopicsResource.DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> dead = dlq.awaitRecords(2, Duration.ofSeconds(30));
            assertEquals(2, dead.size());
            ConsumerRecord<String, String> first = dead.stream()
                    .filter(r -> poison.equals(header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
            assertTrue(header(first, "dead-letter-reason").contains("cannot process a " + TestEffectConsumer.POISON_TYPE),
                    header(first, "dead-letter-reason"));
            ConsumerRecord<String, String> second = dead.stream()
                    .filter(r -> "not a cloud event".equals(r.value())).findFirst().orElseThrow();
            assertTrue(header(second, "dead-letter-reason").contains("ce_specversion"), header(second, "dead-letter-reason"));
        }
    }

    @Test
    void theSameEventIsFirstDeliveredOnlyOncePerConsumer() {
        var record = cloudEvent(UUID.randomUUID().toString(), "dev.trellis.test.thing-happened.v1", "{}");
        var consumerRecord = new ConsumerRecord<>(record.topic(), 0, 0L, record.key(), record.value());
        record.headers().forEach(h -> consumerRecord.headers().add(h));
        int[] effects = {0};

        assertTrue(inbox.consume("first-consumer", consumerRecord, e -> effects[0]++));
        assertFalse(inbox.consume("first-consumer", consumerRecord, e -> effects[0]++));
        assertTrue(inbox.consume("second-consumer", consumerRecord, e -> effects[0]++), "consumers dedupe independently");
        assertEquals(2, effects[0]);
    }

    @Test
    void anEffectThatFailsLeavesNoInboxRowSoARetryRunsIt() {
        var record = cloudEvent(UUID.randomUUID().toString(), "dev.trellis.test.thing-happened.v1", "{}");
        var consumerRecord = new ConsumerRecord<>(record.topic(), 0, 0L, record.key(), record.value());
        record.headers().forEach(h -> consumerRecord.headers().add(h));

        assertThrows(IllegalStateException.class, () -> inbox.consume("retrying", consumerRecord, e -> {
            throw new IllegalStateException("database hiccup");
        }));
        assertTrue(inbox.consume("retrying", consumerRecord, e -> {
        }));
    }

    private static ProducerRecord<String, String> cloudEvent(String id, String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "inbox-test".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, "p-1".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(KafkaTopicsResource.IN, null, "p-1", data, headers);
    }

    private static void send(ProducerRecord<String, String> record) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        }
    }

    private static long effects(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> TestEffect.count("eventId", eventId));
    }

    private static void awaitEffect(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (effects(eventId) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1L, effects(eventId), "the consumer never processed " + eventId);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

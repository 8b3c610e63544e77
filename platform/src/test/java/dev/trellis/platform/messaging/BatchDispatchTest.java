package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.BatchTopicResource;
import dev.trellis.platform.testing.TestBatchConsumer;
import dev.trellis.platform.testing.TestConsumer;
import dev.trellis.platform.testing.TestEffect;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A poll's records in one transaction (EventDispatcher's batch dispatch), against the real Kafka: each good event has
 * its effect once, a duplicate in the batch none, and only the two that can never be processed (one unreadable, one
 * its effect refuses) reach the dead-letter topic, each with its reason.
 */
@QuarkusTest
@QuarkusTestResource(BatchTopicResource.class)
class BatchDispatchTest {
    @Inject
    TestBatchConsumer consumer;

    @Test
    void goodEventsOfABatchApplyOnceAndOnlyTheBadOnesAreDeadLettered() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (effects(BatchTopicResource.LAST) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1L, effects(BatchTopicResource.LAST), "the consumer never applied the last event");
        assertEquals(1L, effects(BatchTopicResource.FIRST), "the event delivered twice in the batch is applied once");
        assertEquals(0L, effects(BatchTopicResource.REFUSED), "the refused event's effect is rolled back");
        assertTrue(consumer.batchSizes().get(0) > 1, "the records came as one batch: " + consumer.batchSizes());

        try (TestConsumer dlq = new TestConsumer("127.0.0.1:9092", BatchTopicResource.DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> dead = dlq.awaitRecords(2, Duration.ofSeconds(30));
            Map<String, String> reasons = dead.stream().collect(Collectors.toMap(r -> header(r, CloudEventHeaders.ID),
                    r -> header(r, "dead-letter-reason")));
            assertEquals(2, dead.size(), "only the two bad records: " + reasons);
            assertTrue(reasons.get(BatchTopicResource.UNREADABLE).contains("unreadable"), reasons.toString());
            assertTrue(reasons.get(BatchTopicResource.REFUSED).contains("was refused"), reasons.toString());
        }
        long inbox = QuarkusTransaction.requiringNew().call(() -> TestEffect.getEntityManager()
                .createNativeQuery("select count(*) from inbox_event where consumer = :c")
                .setParameter("c", TestBatchConsumer.CONSUMER).getSingleResult() instanceof Number n ? n.longValue() : -1L);
        assertEquals(2L, inbox, "an inbox row for each applied event, none for the refused one");
    }

    private static long effects(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> TestEffect.count("eventId", eventId));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

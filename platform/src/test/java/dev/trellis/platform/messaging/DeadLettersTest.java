package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.testing.TestEffect;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A dead-letter topic replayed through its channel's handlers, as often as wanted, each effect once. */
@QuarkusTest
class DeadLettersTest {
    @Inject
    DeadLetters deadLetters;
    @Inject
    EventDispatcher dispatcher;

    @Test
    void aReplayAppliesWhatNowSucceedsOnceAndReportsWhatStillCannot() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "platform-test-replay-dlq-" + run;
        String channel = "replay-" + run;
        EventHandlers handlers = dispatcher.register(channel, EventHandlers.consumer("replay-test-" + run)
                .on(PartnerRegistered.class, (p, event) -> {
                    TestEffect effect = new TestEffect();
                    effect.eventId = event.id();
                    effect.payload = p.name();
                    effect.persist();
                }).build());
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        UUID partner = UUID.randomUUID();
        send(topic, good, PartnerRegistered.TYPE, "{\"partnerId\":\"" + partner + "\",\"name\":\"Acme\","
                + "\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[]}");
        send(topic, bad, "dev.trellis.partner.partner-registered.v7", "{}");

        DeadLetters.Replay first = deadLetters.replay(channel, handlers, topic);
        assertEquals(2, first.read());
        assertEquals(1, first.applied());
        assertEquals(1, first.stillFailing().size());
        assertEquals(bad, first.stillFailing().get(0).eventId());
        assertTrue(first.stillFailing().get(0).reason().contains("not in the catalog"));

        DeadLetters.Replay again = deadLetters.replay(channel, handlers, topic);
        assertEquals(2, again.read());
        assertEquals(0, again.applied());
        assertEquals(1, again.skipped(), "the applied event is a duplicate now");
        assertEquals(1L, TestEffect.count("eventId", good), "one effect however often it is replayed");
    }

    @Test
    void aChannelNobodyConsumesIsNotFound() {
        assertThrows(NotFound.class, () -> deadLetters.replay("no-such-channel"));
    }

    private static void send(String topic, String id, String type, String data) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "replay-test".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-reason", "JDBCConnectionException: connection refused".getBytes(StandardCharsets.UTF_8));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, null, "p-1", data, headers)).get();
        }
    }
}

package dev.trellis.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The other services' events, built from the contracts' records and sent as CloudEvents (binary mode) to the test
 * topics, as their relays would send them.
 */
final class Events {
    static final String PARTNER_TOPIC = "test.insights.partner-events";
    static final String ADVISORY_TOPIC = "test.insights.advisory-events";
    static final String EVENT_TOPIC = "test.insights.event-events";

    private final ObjectMapper json;

    Events(ObjectMapper json) {
        this.json = json;
    }

    /** Sends one event with a new id; answers the id. */
    String send(String topic, String type, UUID key, Record payload) throws Exception {
        String id = UUID.randomUUID().toString();
        send(topic, id, type, key, payload);
        return id;
    }

    void send(String topic, String id, String type, UUID key, Record payload) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(topic.contains("partner") ? "partner-service" : topic.contains("advisory") ? "advisory-service"
                : "event-service"));
        headers.add("ce_subject", bytes(key.toString()));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, null, key.toString(), json.writeValueAsString(payload), headers)).get();
        }
    }

    /** Waits (up to a minute) until the consumers have had the effect; never asserts on timing itself. */
    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (QuarkusTransaction.requiringNew().call(done::getAsBoolean)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never happened: " + what);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

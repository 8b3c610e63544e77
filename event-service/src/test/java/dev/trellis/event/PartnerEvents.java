package dev.trellis.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sends partner-service-shaped CloudEvents (binary mode) to the test topic the service consumes. */
final class PartnerEvents {
    private PartnerEvents() {
    }

    static void send(String type, UUID key, String data) throws Exception {
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.partner-events.topic", String.class);
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("partner-service"));
        headers.add("ce_subject", bytes(key.toString()));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, null, key.toString(), data, headers)).get();
        }
    }

    /** Polls {@code probe} until it answers {@code expected}, for up to 60 s: the consumer runs on its own. */
    static void await(Supplier<String> probe, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.equals(probe.get())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read model never reached " + expected);
    }

    /** Reads {@code topic} from its start for up to 60 s; true once a record matches. */
    static boolean awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "event-test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A header of a record as text, or null. */
    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String partner(UUID id, String name, String status, String domain) {
        return "{\"partnerId\":\"" + id + "\",\"name\":\"" + name + "\",\"lifecycleStatus\":\"" + status
                + "\",\"parentPartnerId\":null,\"country\":\"FI\",\"emailDomains\":[\"" + domain + "\"]}";
    }

    /** A membership-changed payload: the membership as the change left it. */
    static String membership(UUID partner, String tier, java.time.LocalDate termStart, java.time.LocalDate termEnd,
            int graceDays, boolean autoRenew, java.time.LocalDate effectiveDate, String change) {
        return "{\"partnerId\":\"" + partner + "\",\"membershipId\":\"" + UUID.nameUUIDFromBytes(bytes(partner.toString()))
                + "\",\"tier\":\"" + tier + "\",\"status\":\"CURRENT\",\"termStart\":\"" + termStart
                + "\",\"termEnd\":\"" + termEnd + "\",\"graceDays\":" + graceDays + ",\"autoRenew\":" + autoRenew
                + ",\"effectiveDate\":\"" + effectiveDate + "\",\"change\":\"" + change + "\"}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.trellis.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** CloudEvents (binary mode) onto the test profile's topics, as the services' relays send them. */
final class Events implements AutoCloseable {
    static final String PARTNER_CHANGED = "dev.trellis.partner.partner-changed.v1";
    static final String TOUCHPOINT_LOGGED = "dev.trellis.partner.touchpoint-logged.v1";
    static final String EVENT_PUBLISHED = "dev.trellis.event.event-published.v1";

    private final KafkaProducer<String, String> producer;

    Events() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props);
    }

    static String topic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }

    /** A partner-service event about {@code partner}, keyed by it; answers its id. */
    String partnerEvent(String type, UUID partner, String note) throws Exception {
        String id = UUID.randomUUID().toString();
        send(topic("partner-events"), id, type, partner.toString(),
                "{\"partnerId\":\"" + partner + "\",\"name\":\"" + note + "\"}");
        return id;
    }

    void send(String topic, String id, String type, String key, String data) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("partner-service"));
        headers.add("ce_subject", bytes(key));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        producer.send(new ProducerRecord<>(topic, null, key, data, headers)).get();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

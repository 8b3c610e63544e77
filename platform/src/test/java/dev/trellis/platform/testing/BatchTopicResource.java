package dev.trellis.platform.testing;

import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.messaging.CloudEventHeaders;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A fresh topic for {@link TestBatchConsumer}, filled before the application starts, so that its first poll returns
 * every record as one batch: a good event, an unreadable one, the good one again, one its effect refuses, another
 * good one.
 */
public class BatchTopicResource implements QuarkusTestResourceLifecycleManager {
    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    public static final String IN = "platform-batch-in-" + RUN;
    public static final String DEAD_LETTERS = "platform-batch-dlq-" + RUN;
    public static final String FIRST = UUID.randomUUID().toString();
    public static final String UNREADABLE = UUID.randomUUID().toString();
    public static final String REFUSED = UUID.randomUUID().toString();
    public static final String LAST = UUID.randomUUID().toString();

    @Override
    public Map<String, String> start() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String[] event : new String[][] {{FIRST, "Acme"}, {UNREADABLE, null}, {FIRST, "Acme"},
                    {REFUSED, TestBatchConsumer.REFUSED_NAME}, {LAST, "Globex"}}) {
                producer.send(record(event[0], event[1])).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not fill " + IN, e);
        }
        return Map.of(
                "mp.messaging.incoming.platform-batch-test.topic", IN,
                "mp.messaging.incoming.platform-batch-test.group.id", "platform-batch-test-" + RUN,
                "mp.messaging.incoming.platform-batch-test.dead-letter-queue.topic", DEAD_LETTERS);
    }

    private static ProducerRecord<String, String> record(String id, String name) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, PartnerRegistered.TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "batch-test".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, "p-1".getBytes(StandardCharsets.UTF_8));
        String data = name == null ? "{\"partnerId\": 7"
                : "{\"partnerId\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[]}";
        return new ProducerRecord<>(IN, null, "p-1", data, headers);
    }

    @Override
    public void stop() {
    }
}

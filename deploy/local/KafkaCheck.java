// Smoke test for the local Kafka broker, run by "kafka.sh check" as a single-file
// program on the broker's own classpath:
//   java -cp "$STATE/kafka/libs/*" deploy/local/KafkaCheck.java 127.0.0.1:9092
// Produces one record to a throw-away topic, reads it back, deletes the topic.

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class KafkaCheck {
    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String topic = "trellis-infra-check-" + UUID.randomUUID().toString().substring(0, 8);
        String value = "hello " + UUID.randomUUID();
        long t0 = System.nanoTime();
        Map<String, Object> common = Map.of("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(common)) {
            String clusterId = admin.describeCluster().clusterId().get();
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            RecordMetadata meta;
            try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
                meta = producer.send(new ProducerRecord<>(topic, "key", value)).get();
            }
            System.out.printf("produced to %s-%d@%d (cluster %s)%n", topic, meta.partition(), meta.offset(), clusterId);
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                    "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
                TopicPartition tp = new TopicPartition(topic, meta.partition());
                consumer.assign(List.of(tp));
                consumer.seek(tp, meta.offset());
                long deadline = System.currentTimeMillis() + 15_000;
                while (System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        if (value.equals(r.value())) {
                            System.out.printf("consumed \"%s\" back in %d ms: Kafka OK%n", r.value(),
                                    (System.nanoTime() - t0) / 1_000_000);
                            admin.deleteTopics(List.of(topic)).all().get();
                            return;
                        }
                    }
                }
            }
            admin.deleteTopics(List.of(topic)).all().get();
        }
        System.err.println("did not read the produced record back within 15 s: Kafka NOT OK");
        System.exit(1);
    }
}

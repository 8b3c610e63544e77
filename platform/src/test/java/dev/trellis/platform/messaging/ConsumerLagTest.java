package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Consumer lag from the real broker: records a group has not committed past, per partition, rising while the group
 * stays behind and falling as it commits. The group and topic are this run's own.
 */
@QuarkusTest
class ConsumerLagTest {
    private static final String KAFKA = "127.0.0.1:9092";

    @Inject
    ConsumerLag lag;
    @Inject
    MeterRegistry registry;
    @Inject
    Config config;

    @Test
    void lagRisesWhileTheGroupIsBehindAndFallsAsItCommits() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "test.platform.lag-" + run;
        String group = "platform-lag-test-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        send(topic, 0, 5);
        send(topic, 1, 2);
        lag.watch(group, topic);

        lag.refresh();
        assertEquals(5.0, lag.lag(group, topic, 0), "nothing committed: the whole partition is behind");
        assertEquals(2.0, lag.lag(group, topic, 1));
        assertEquals(5.0, gauge(group, topic, 0), "the gauge reads the same value");

        commit(group, new TopicPartition(topic, 0), 3);
        send(topic, 1, 4);
        lag.refresh();
        assertEquals(2.0, lag.lag(group, topic, 0), "3 of 5 committed");
        assertEquals(6.0, lag.lag(group, topic, 1), "4 more records while the group stays behind");

        commit(group, new TopicPartition(topic, 0), 5);
        lag.refresh();
        assertEquals(0.0, gauge(group, topic, 0), "caught up");
    }

    @Test
    void everyKafkaChannelOfTheServiceIsWatchedWithItsGroup() {
        var channels = ConsumerLag.channels(config);
        for (String channel : List.of("platform-test", "platform-batch-test")) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String topic = config.getValue(prefix + "topic", String.class);
            String group = config.getOptionalValue(prefix + "group.id", String.class).orElse("platform-test");
            assertTrue(channels.contains(new ConsumerLag.Watched(group, topic)), channel + " in " + channels);
        }
    }

    private double gauge(String group, String topic, int partition) {
        return registry.get("trellis.consumer.lag").tag("group", group).tag("topic", topic)
                .tag("partition", Integer.toString(partition)).gauge().value();
    }

    private static void send(String topic, int partition, int records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k", "{}")).get();
            }
        }
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        Properties props = new Properties();
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }
}

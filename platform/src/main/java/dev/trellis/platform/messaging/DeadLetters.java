package dev.trellis.platform.messaging;

import dev.trellis.platform.domain.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Replays a channel's dead letters after a fix: every record of its dead-letter topic goes through the
 * channel's handlers again ({@link EventDispatcher}). Idempotent: an event whose effect was applied
 * before (by the consumer or an earlier replay) is a duplicate in the inbox and is skipped, so a
 * replay may be run as often as wanted. The topic is read from its start to the end it had when the
 * replay began; nothing is removed from it (its retention does that).
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** What a replay did. {@code stillFailing} are records that are still malformed, with the reason. */
    public record Replay(String channel, String topic, int read, int applied, int skipped, List<Failure> stillFailing) {
    }

    public record Failure(int partition, long offset, String eventId, String reason) {
    }

    private final EventDispatcher dispatcher;
    private final Config config;

    public DeadLetters(EventDispatcher dispatcher, Config config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    /** @throws NotFound if no consumer registered {@code channel} */
    public Replay replay(String channel) {
        EventHandlers handlers = dispatcher.handlersOf(channel)
                .orElseThrow(() -> new NotFound("No consumer reads channel " + channel));
        String topic = config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + channel);
        return replay(channel, handlers, topic);
    }

    Replay replay(String channel, EventHandlers handlers, String topic) {
        int read = 0;
        int applied = 0;
        int skipped = 0;
        List<Failure> failing = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(topic, record.partition()))) {
                        continue;
                    }
                    read++;
                    try {
                        if (dispatcher.dispatch(handlers, record)) {
                            applied++;
                        } else {
                            skipped++;
                        }
                    } catch (MalformedEventException e) {
                        failing.add(new Failure(record.partition(), record.offset(), id(record), e.getMessage()));
                    }
                }
            }
        }
        LOG.infof("Replayed %d dead letters of %s from %s: %d applied, %d skipped, %d still failing%s", read, channel,
                topic, applied, skipped, failing.size(), failing.isEmpty() ? ""
                        : " (" + failing.stream().map(Failure::reason).collect(Collectors.joining("; ")) + ")");
        return new Replay(channel, topic, read, applied, skipped, List.copyOf(failing));
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092"));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-replay-" + UUID.randomUUID());
        return props;
    }

    private static String id(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(CloudEventHeaders.ID);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

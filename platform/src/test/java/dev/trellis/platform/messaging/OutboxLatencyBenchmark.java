package dev.trellis.platform.messaging;

import dev.trellis.platform.testing.RelaySettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Commit-to-consumer latency of the outbox: the time from a business transaction's commit returning
 * to a Kafka consumer holding the event. Not part of the test suite (the class name does not end in
 * Test); run it with
 * {@code ./mvnw -pl platform -am verify -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (with the infrastructure up) and record the printed numbers in docs/benchmarks.md.
 */
@QuarkusTest
class OutboxLatencyBenchmark {
    private static final int WARMUP = 100;
    private static final int EVENTS = Integer.getInteger("benchmark.events", 1000);
    private static final long GAP_MILLIS = Long.getLong("benchmark.gapMillis", 10);

    @Inject
    Outbox outbox;
    @Inject
    OutboxStore store;
    @Inject
    OutboxSignal signal;

    @Test
    void commitToConsumerLatency() throws Exception {
        String topic = "platform-benchmark-" + UUID.randomUUID();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int total = WARMUP + EVENTS;
        List<String> warmup = new ArrayList<>();
        int[] received = {0};
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (received[0] < total && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                        long now = System.nanoTime();
                        String id = new String(r.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
                        receivedAt.putIfAbsent(id, now);
                        received[0]++;
                    });
                }
            }
        });
        reader.start();
        Thread.sleep(3000); // let the consumer join its group before the first event

        try (OutboxRelay relay = new OutboxRelay("benchmark", store, RelaySettings.fast("127.0.0.1:9092"))) {
            signal.subscribe(relay::wake);
            relay.start();
            for (int i = 0; i < total; i++) {
                int n = i;
                String aggregate = "partner-" + (i % 50);
                UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.record(topic,
                        "dev.trellis.benchmark.happened.v1", aggregate, Map.of("n", n)));
                committedAt.put(id.toString(), System.nanoTime());
                if (i < WARMUP) {
                    warmup.add(id.toString());
                }
                Thread.sleep(GAP_MILLIS);
            }
            reader.join(Duration.ofMinutes(5).toMillis());
            signal.unsubscribe(relay::wake);
        }

        List<String> measured = new ArrayList<>(committedAt.keySet());
        measured.removeAll(warmup);
        List<Long> sorted = new ArrayList<>();
        for (String id : measured) {
            Long at = receivedAt.get(id);
            if (at != null) {
                sorted.add(Math.max(0, at - committedAt.get(id)));
            }
        }
        Collections.sort(sorted);
        System.out.printf("%nOUTBOX LATENCY (commit returned -> consumer polled), %d events after %d warm-up, one every %d ms:%n"
                + "  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                sorted.size(), WARMUP, GAP_MILLIS, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
        if (sorted.size() != EVENTS) {
            throw new AssertionError("only " + sorted.size() + " of " + EVENTS + " events arrived");
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}

package dev.trellis.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * What the consumers are doing, for readiness and metrics. A consumer is <em>stalled</em> while it
 * retries an event whose effect failed for a reason outside the event (the database, a timeout): it
 * holds its partition until the effect succeeds, and readiness ("Event consumers", {@link ConsumerReadiness})
 * is DOWN meanwhile.
 *
 * <p>Metrics, tagged by consumer: {@code trellis.consumer.processed} (effects applied),
 * {@code trellis.consumer.retries} (failed attempts that will be retried), {@code trellis.consumer.dead.letters}
 * (events sent to the dead-letter topic) and the gauge {@code trellis.consumer.stalled} (1 while retrying).
 * The {@link EventDispatcher} reports here; a consumer with a shell of its own (webhook-service's) calls the
 * public methods itself. Lag is {@link ConsumerLag}'s.
 */
@ApplicationScoped
public class ConsumerHealth {

    /** A consumer retrying one event. */
    record Stall(String eventId, String type, Instant since, int attempts, String lastError) {
    }

    private final MeterRegistry registry;
    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    public ConsumerHealth(MeterRegistry registry) {
        this.registry = registry;
    }

    public void processed(String consumer) {
        register(consumer);
        stalls.remove(consumer);
        counter("trellis.consumer.processed", consumer).increment();
    }

    public void skipped(String consumer) {
        register(consumer);
        stalls.remove(consumer);
    }

    public void retrying(String consumer, CloudEvent event, int attempts, Throwable failure) {
        register(consumer);
        Stall previous = stalls.get(consumer);
        Instant since = previous != null && previous.eventId().equals(event.id()) ? previous.since() : Instant.now();
        stalls.put(consumer, new Stall(event.id(), event.type(), since, attempts, rootMessage(failure)));
        counter("trellis.consumer.retries", consumer).increment();
    }

    public void deadLettered(String consumer) {
        register(consumer);
        stalls.remove(consumer);
        counter("trellis.consumer.dead.letters", consumer).increment();
    }

    /** The consumers retrying right now, by name. */
    Map<String, Stall> stalls() {
        return Map.copyOf(stalls);
    }

    /** UP unless a consumer is retrying; then DOWN, naming the event and the last error. */
    public HealthCheckResponse response() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumers").up();
        stalls.forEach((consumer, stall) -> response.down()
                .withData(consumer, "retrying " + stall.type() + " " + stall.eventId() + " since " + stall.since()
                        + " (" + stall.attempts() + " attempts): " + stall.lastError()));
        return response.build();
    }

    private void register(String consumer) {
        if (known.putIfAbsent(consumer, Boolean.TRUE) == null) {
            Gauge.builder("trellis.consumer.stalled", stalls, s -> s.containsKey(consumer) ? 1 : 0)
                    .tag("consumer", consumer)
                    .description("1 while the consumer retries an event whose effect failed").register(registry);
        }
    }

    private Counter counter(String name, String consumer) {
        return registry.counter(name, "consumer", consumer);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}

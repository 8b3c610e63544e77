package dev.trellis.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.platform.messaging.Outbox;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Commit to delivery (docs/benchmarks.md, "Webhooks"): a business transaction records an event in the outbox and
 * commits; the platform's relay publishes it, webhook-service's consumer matches it, the worker signs and sends it to
 * a receiver on 127.0.0.1. Timed from the commit returning to the receiver holding the request, in one JVM.
 *
 * <p>Not part of the default test run (no *Test name). Command:
 * {@code ./mvnw -B -pl webhook-service test -Dtest=WebhookLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes: {@code -Dbenchmark.rate} events/s, default 100; {@code -Dbenchmark.seconds}, default 30;
 * {@code -Dbenchmark.partners}, default 50).
 */
@QuarkusTest
@TestProfile(WebhookLatencyBenchmark.OwnTopics.class)
class WebhookLatencyBenchmark {
    static final String PREFIX = "bench.webhooks." + Long.toString(System.currentTimeMillis(), 36) + ".";

    /** The relay publishes to topics of this run, which the partner consumer reads. */
    public static class OwnTopics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (String profile : List.of("", "%test.")) {
                config.put(profile + "trellis.outbox.topic-prefix", PREFIX);
                config.put(profile + "mp.messaging.incoming.partner-events.topic", PREFIX + "trellis.partner.events");
                config.put(profile + "mp.messaging.incoming.partner-events.group.id", PREFIX + "group");
                config.put(profile + "mp.messaging.incoming.partner-events.dead-letter-queue.topic", PREFIX + "dlq");
            }
            return config;
        }
    }

    @Inject
    Outbox outbox;

    @Test
    void commitToDelivery() throws Exception {
        assertEquals(PREFIX + "trellis.partner.events",
                ConfigProvider.getConfig().getValue("mp.messaging.incoming.partner-events.topic", String.class));
        int rate = Integer.getInteger("benchmark.rate", 100);
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        int partnerCount = Integer.getInteger("benchmark.partners", 50);
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", exchange -> {
            long at = System.nanoTime();
            exchange.getRequestBody().readAllBytes();
            arrived.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), at);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        try {
            given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/bench",
                            "eventTypes", List.of(PartnerLapsed.TYPE)))
                    .post("/api/webhooks").then().statusCode(201);
            List<UUID> partners = new ArrayList<>();
            for (int i = 0; i < partnerCount; i++) {
                partners.add(UUID.randomUUID());
            }
            run("warm-up", rate, Math.max(5, seconds / 3), partners, arrived);
            long[] latencies = run("timed", rate, seconds, partners, arrived);
            Arrays.sort(latencies);
            System.out.printf("BENCHMARK webhooks commit-to-delivery at %d events/s over %d s, %d partners: n=%d p50=%.1f ms "
                    + "p90=%.1f ms p99=%.1f ms max=%.1f ms%n", rate, seconds, partnerCount, latencies.length,
                    ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        } finally {
            server.stop(0);
        }
    }

    private long[] run(String phase, int rate, int seconds, List<UUID> partners, Map<String, Long> arrived) throws Exception {
        int n = rate * seconds;
        Map<String, Long> committed = new HashMap<>();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            UUID partner = partners.get(i % partners.size());
            UUID id = QuarkusTransaction.requiringNew().call(
                    () -> outbox.publish(new PartnerLapsed(partner, PartnerLifecycleStatus.ACTIVE, LocalDate.now(), "benchmark")));
            committed.put(id.toString(), System.nanoTime());
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!arrived.keySet().containsAll(committed.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(phase + ": not every delivery arrived");
            }
            Thread.sleep(50);
        }
        long[] latencies = new long[n];
        int i = 0;
        for (Map.Entry<String, Long> e : committed.entrySet()) {
            latencies[i++] = arrived.get(e.getKey()) - e.getValue();
        }
        System.out.printf("BENCHMARK %s: %d events sent in %.1f s%n", phase, n, (System.nanoTime() - start) / 1e9);
        return latencies;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}

package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One change through the gateway is one trace in the trace backend (Zipkin): the gateway's spans, the service's, the
 * outbox relay's publish of the event it wrote, and each consumer's processing of that event, each a descendant of
 * the request the test sent with a traceparent of its own.
 */
class TraceIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** partner-service's consumers of partner-registered (their EventHandlers consumer names, the spans' names). */
    private static final Map<String, String> CONSUMERS = Map.of(
            "advisory-service", "advisory.partner-view process",
            "event-service", "event.partner-view process",
            "insights-service", "insights.partner process",
            "webhook-service", "webhook.partner process");

    record Span(String id, String parentId, String service, String kind, String name) {
        static Span of(JsonNode json) {
            return new Span(json.path("id").asText(), json.path("parentId").asText(null),
                    json.path("localEndpoint").path("serviceName").asText(), json.path("kind").asText(""),
                    json.path("name").asText(""));
        }
    }

    @Test
    void registeringAPartnerIsOneTraceFromTheGatewayToEveryConsumer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = String.format("%016x%016x", random.nextLong() | 1, random.nextLong());
        String callerSpan = String.format("%016x", random.nextLong() | 1);
        Http.Response created = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/partners"),
                "{\"name\": \"Trace Check " + UUID.randomUUID().toString().substring(0, 8) + "\", \"lifecycleStatus\": \"ACTIVE\"}",
                Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
        assertEquals(201, created.status(), created.toString());

        List<Span> spans = awaitTrace(traceId, all -> CONSUMERS.keySet().stream().allMatch(service ->
                find(all, s -> s.service().equals(service) && s.name().equals(CONSUMERS.get(service))).isPresent()));
        Map<String, Span> byId = new HashMap<>();
        spans.forEach(s -> byId.put(s.id(), s));

        Span gateway = find(spans, s -> s.service().equals("trellis-gateway") && s.kind().equals("SERVER"))
                .orElseThrow(() -> new AssertionError("no gateway server span in " + spans));
        assertEquals(callerSpan, gateway.parentId(), "the gateway continues the caller's context");
        Span service = find(spans, s -> s.service().equals("partner-service") && s.kind().equals("SERVER"))
                .orElseThrow(() -> new AssertionError("no partner-service server span in " + spans));
        assertTrue(descends(service, gateway, byId), "the service's span is under the gateway's: " + spans);
        Span publish = find(spans, s -> s.service().equals("partner-service") && s.kind().equals("PRODUCER")
                && s.name().equals("trellis.partner.events publish"))
                .orElseThrow(() -> new AssertionError("no publish span of the relay in " + spans));
        assertTrue(descends(publish, service, byId), "the relay continues the request's trace: " + spans);
        for (Map.Entry<String, String> consumer : CONSUMERS.entrySet()) {
            List<Span> processing = spans.stream().filter(s -> s.service().equals(consumer.getKey())
                    && s.name().equals(consumer.getValue())).toList();
            assertTrue(processing.stream().anyMatch(s -> s.kind().equals("CONSUMER") && publish.id().equals(s.parentId())),
                    consumer.getKey() + " processes the event as a child of the publish span: " + processing);
        }
    }

    /** Polls Zipkin for the trace until {@code complete} holds (spans arrive in batches, some seconds apart). */
    private static List<Span> awaitTrace(String traceId, Predicate<List<Span>> complete) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Span> spans = List.of();
        while (System.nanoTime() < deadline) {
            Http.Response answer = Http.send(Http.request(Stack.ZIPKIN.resolve("/api/v2/trace/" + traceId)).GET());
            if (answer.status() == 200) {
                List<Span> found = new ArrayList<>();
                answer.json().forEach(json -> found.add(Span.of(json)));
                spans = found;
                if (complete.test(spans)) {
                    return spans;
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("trace " + traceId + " incomplete after " + PATIENCE + ": " + spans);
    }

    private static Optional<Span> find(List<Span> spans, Predicate<Span> which) {
        return spans.stream().filter(which).findFirst();
    }

    /** Whether {@code ancestor} is on {@code span}'s path to the root. */
    private static boolean descends(Span span, Span ancestor, Map<String, Span> byId) {
        for (Span s = span; s != null && s.parentId() != null; s = byId.get(s.parentId())) {
            if (s.parentId().equals(ancestor.id())) {
                return true;
            }
        }
        return false;
    }
}

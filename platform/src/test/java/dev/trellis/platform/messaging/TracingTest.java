package dev.trellis.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.platform.testing.RelaySettings;
import dev.trellis.platform.testing.TestConsumer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A change's trace goes through the outbox: the row keeps the writer's trace context, the relay publishes it in a
 * span that continues it and puts that span on the Kafka record, and a consumer's processing span is its child.
 */
@QuarkusTest
class TracingTest {
    private static final String KAFKA = "127.0.0.1:9092";

    @Inject
    Outbox outbox;
    @Inject
    OutboxStore store;
    @Inject
    OutboxSignal signal;
    @Inject
    EventDispatcher dispatcher;
    @Inject
    EntityManager em;
    @Inject
    OpenTelemetry telemetry;
    @Inject
    InMemorySpanExporter spans;

    record Payload(String partnerId, int n) {
    }

    @Test
    void anOutboxRowKeepsTheTraceContextOfTheTransactionThatWroteIt() {
        SpanContext request = remoteParent("vendor=1");
        UUID id;
        try (Scope scope = Context.root().with(Span.wrap(request)).makeCurrent()) {
            id = QuarkusTransaction.requiringNew().call(() -> outbox.record(topic(), "dev.trellis.test.thing-happened.v1",
                    "p-trace", new Payload("p-trace", 1)));
        }
        assertEquals(traceparent(request), column(id, "traceparent"));
        assertEquals("vendor=1", column(id, "tracestate"));
    }

    @Test
    void aRowWrittenOutsideAnyTraceHasNoContext() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.record(topic(), "dev.trellis.test.thing-happened.v1",
                "p-untraced", new Payload("p-untraced", 1)));
        assertNull(column(id, "traceparent"));
        assertNull(column(id, "tracestate"));
    }

    @Test
    void everyRowOfABatchKeepsTheContextItWasWrittenIn() {
        SpanContext first = remoteParent(null);
        SpanContext second = remoteParent(null);
        List<UUID> ids = new ArrayList<>();
        for (SpanContext request : List.of(first, second)) {
            try (Scope scope = Context.root().with(Span.wrap(request)).makeCurrent()) {
                ids.addAll(QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of(registered(), registered()))));
            }
        }
        assertEquals(4, ids.size());
        assertEquals(traceparent(first), column(ids.get(0), "traceparent"));
        assertEquals(traceparent(first), column(ids.get(1), "traceparent"));
        assertEquals(traceparent(second), column(ids.get(2), "traceparent"));
        assertEquals(traceparent(second), column(ids.get(3), "traceparent"));
        assertNull(column(ids.get(0), "tracestate"));
    }

    @Test
    void theRelayPublishesInAChildSpanAndTheConsumerContinuesIt() {
        String topic = topic();
        SpanContext request = remoteParent("vendor=1");
        PartnerRegistered payload = registered();
        UUID id;
        try (Scope scope = Context.root().with(Span.wrap(request)).makeCurrent()) {
            id = QuarkusTransaction.requiringNew().call(() -> outbox.record(topic, PartnerRegistered.TYPE,
                    payload.partnerId().toString(), payload));
        }

        ConsumerRecord<String, String> record;
        try (OutboxRelay relay = relay(); TestConsumer consumer = new TestConsumer(KAFKA, topic)) {
            record = consumer.awaitRecords(1, Duration.ofSeconds(20)).get(0);
        }
        assertEquals(id.toString(), header(record, CloudEventHeaders.ID));

        // The record carries the relay's span: same trace, a new span id, the caller's vendor state.
        String sent = header(record, CloudEventHeaders.TRACEPARENT);
        assertNotNull(sent, "the record carries a traceparent");
        assertEquals(sent, header(record, CloudEventHeaders.CE_TRACEPARENT));
        assertEquals("vendor=1", header(record, CloudEventHeaders.TRACESTATE));
        assertEquals(request.getTraceId(), sent.substring(3, 35));
        assertNotEquals(request.getSpanId(), sent.substring(36, 52));

        SpanData publish = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER && s.getTraceId().equals(request.getTraceId()));
        assertEquals(request.getSpanId(), publish.getParentSpanId(), "the publish span continues the row's context");
        assertEquals(sent.substring(36, 52), publish.getSpanId());
        assertEquals(topic, publish.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                "messaging.destination.name")));

        // A consumer of that very record: its processing span is the publish span's child, and current in the effect.
        // The effect writes an event of its own: that row continues the trace under the processing span.
        List<UUID> followUps = new ArrayList<>();
        String consumer = "trace-" + UUID.randomUUID();
        EventHandlers handlers = EventHandlers.consumer(consumer)
                .on(PartnerRegistered.class, (p, event) -> followUps.add(outbox.record(topic(),
                        "dev.trellis.test.thing-happened.v1", "p-follow", new Payload("p-follow", 2))))
                .build();
        assertTrue(dispatcher.dispatch(handlers, record));
        assertEquals(1, followUps.size());

        SpanData process = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && s.getName().equals(consumer + " process"));
        assertEquals(request.getTraceId(), process.getTraceId());
        assertEquals(publish.getSpanId(), process.getParentSpanId());
        assertEquals("00-" + request.getTraceId() + "-" + process.getSpanId() + "-01", column(followUps.get(0), "traceparent"));
    }

    @Test
    void aRecordWithoutContextStartsANewTraceInTheConsumer() {
        PartnerRegistered payload = registered();
        ConsumerRecord<String, String> record = new ConsumerRecord<>("test.trace", 0, 0L, payload.partnerId().toString(),
                "{\"partnerId\":\"" + payload.partnerId() + "\",\"name\":\"Acme\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[]}");
        add(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        add(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        add(record, CloudEventHeaders.TYPE, PartnerRegistered.TYPE);
        add(record, CloudEventHeaders.SOURCE, "tracing-test");
        String consumer = "trace-" + UUID.randomUUID();
        assertTrue(dispatcher.dispatch(EventHandlers.consumer(consumer).on(PartnerRegistered.class, (p, e) -> {
        }).build(), record));
        SpanData process = awaitSpan(s -> s.getName().equals(consumer + " process"));
        assertTrue(process.getParentSpanContext().getSpanId().equals(SpanContext.getInvalid().getSpanId()),
                "a root span: " + process.getParentSpanId());
    }

    private OutboxRelay relay() {
        OutboxRelay relay = new OutboxRelay("trace-" + UUID.randomUUID().toString().substring(0, 6), store,
                RelaySettings.fast(KAFKA), n -> {
                }, telemetry.getTracer(OutboxRelay.TRACER));
        signal.subscribe(relay::wake);
        relay.start();
        return relay;
    }

    private SpanData awaitSpan(Predicate<SpanData> which) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(50);
        }
        throw new AssertionError("no such span among " + spans.getFinishedSpanItems());
    }

    /** A sampled context as a caller's traceparent would carry it. */
    private static SpanContext remoteParent(String tracestate) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = String.format("%016x%016x", random.nextLong() | 1, random.nextLong());
        String spanId = String.format("%016x", random.nextLong() | 1);
        TraceState state = TraceState.getDefault();
        if (tracestate != null) {
            String[] kv = tracestate.split("=");
            state = TraceState.builder().put(kv[0], kv[1]).build();
        }
        return SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.getSampled(), state);
    }

    private static String traceparent(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-01";
    }

    private String column(UUID id, String column) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select " + column + " from outbox_event where id = :id").setParameter("id", id).getSingleResult());
    }

    private static PartnerRegistered registered() {
        return new PartnerRegistered(UUID.randomUUID(), "Acme", PartnerLifecycleStatus.ACTIVE, null, null, List.of());
    }

    private static String topic() {
        return "platform-test-trace-" + UUID.randomUUID();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

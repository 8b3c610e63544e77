package dev.trellis.platform.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The consumer span of one Kafka record: {@code <consumer> process}, a child of the trace context the record carries
 * (the outbox relay's publishing span, {@link TraceContext}), or the root of a new trace for a record without one. The
 * {@link EventDispatcher} makes one per record; a consumer with a shell of its own (webhook-service's) uses this too.
 */
@ApplicationScoped
public class ConsumerSpans {
    /** The instrumentation scope of the consumers' spans. */
    public static final String TRACER = "dev.trellis.platform.consumer";

    private final Tracer tracer;

    public ConsumerSpans(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer(TRACER);
    }

    /** Starts the span; the caller ends it once the record's effect is committed (or dead-lettered). */
    public Span start(String consumer, ConsumerRecord<?, ?> record) {
        SpanBuilder builder = tracer.spanBuilder(consumer + " process")
                .setParent(TraceContext.fromKafka(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset());
        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
        if (id != null && id.value() != null) {
            builder.setAttribute("messaging.message.id", new String(id.value(), StandardCharsets.UTF_8));
        }
        return builder.startSpan();
    }
}

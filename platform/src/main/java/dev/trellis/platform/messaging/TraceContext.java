package dev.trellis.platform.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) as the outbox stores it with a row and a Kafka record
 * carries it in its headers. Either value may be null: no trace, or no vendor state.
 */
public record TraceContext(String traceparent, String tracestate) {
    /** The W3C limit of a tracestate; a longer one is dropped rather than stored (the column holds this much). */
    static final int MAX_TRACESTATE = 512;
    static final TraceContext NONE = new TraceContext(null, null);

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return List.of(CloudEventHeaders.TRACEPARENT, CloudEventHeaders.TRACESTATE);
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            String value = value(headers, key);
            // The CloudEvents distributed-tracing extension carries the same context as ce_traceparent.
            return value != null ? value : value(headers, "ce_" + key);
        }
    };

    private static final TextMapGetter<TraceContext> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(CloudEventHeaders.TRACEPARENT, CloudEventHeaders.TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return CloudEventHeaders.TRACEPARENT.equals(key) ? carrier.traceparent()
                    : CloudEventHeaders.TRACESTATE.equals(key) ? carrier.tracestate() : null;
        }
    };

    /** The context of the current span, or {@link #NONE} outside any (valid) span. */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The W3C form of {@code context}'s span, or {@link #NONE} if it has no valid span. */
    public static TraceContext of(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        String state = carrier.get(CloudEventHeaders.TRACESTATE);
        if (state != null && (state.isEmpty() || state.length() > MAX_TRACESTATE)) {
            state = null;
        }
        String parent = carrier.get(CloudEventHeaders.TRACEPARENT);
        return parent == null ? NONE : new TraceContext(parent, state);
    }

    /** The context a Kafka record carries, as the parent of a consumer's span ({@link Context#root()} if none). */
    public static Context fromKafka(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /** This stored context, as the parent of the relay's span ({@link Context#root()} if there is none). */
    public Context asParent() {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), this, STORED);
    }

    /** Writes this context to a record's headers, under both the W3C and the CloudEvents extension names. */
    void writeTo(Headers headers) {
        if (traceparent == null) {
            return;
        }
        headers.add(CloudEventHeaders.TRACEPARENT, bytes(traceparent));
        headers.add(CloudEventHeaders.CE_TRACEPARENT, bytes(traceparent));
        if (tracestate != null) {
            headers.add(CloudEventHeaders.TRACESTATE, bytes(tracestate));
            headers.add(CloudEventHeaders.CE_TRACESTATE, bytes(tracestate));
        }
    }

    private static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

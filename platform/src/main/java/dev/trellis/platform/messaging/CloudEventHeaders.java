package dev.trellis.platform.messaging;

/** Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    /**
     * W3C trace context of the change that caused the event: the headers OpenTelemetry's Kafka instrumentation reads,
     * and the same values as the CloudEvents distributed-tracing extension attributes ({@code ce_traceparent},
     * {@code ce_tracestate} in binary mode). Consumers read {@code traceparent} first.
     */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final String CE_TRACEPARENT = "ce_traceparent";
    public static final String CE_TRACESTATE = "ce_tracestate";

    private CloudEventHeaders() {
    }
}

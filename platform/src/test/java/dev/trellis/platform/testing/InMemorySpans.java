package dev.trellis.platform.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the spans this module's tests finish in memory ({@code %test.quarkus.otel.traces.exporter=cdi} takes every
 * SpanExporter bean), so the tracing tests read them without a trace backend.
 */
public class InMemorySpans {
    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}

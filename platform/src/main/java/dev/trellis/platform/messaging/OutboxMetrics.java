package dev.trellis.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The outbox as an operator watches it: {@code trellis.outbox.unpublished} (rows waiting),
 * {@code trellis.outbox.oldest.age} (seconds the oldest has waited) and {@code trellis.outbox.published}
 * (a counter; its rate is events published per second). The gauges read the table when scraped; the
 * bean starts with the application so they exist before the first row.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final Counter published;

    public OutboxMetrics(MeterRegistry registry, OutboxStore store) {
        Gauge.builder("trellis.outbox.unpublished", store, s -> read(s::unpublishedCount))
                .description("Outbox rows not yet published to Kafka").register(registry);
        Gauge.builder("trellis.outbox.oldest.age", store, s -> read(() -> s.oldestUnpublishedAge().toMillis() / 1000.0))
                .description("Seconds the oldest unpublished outbox row has waited").baseUnit("seconds")
                .register(registry);
        this.published = Counter.builder("trellis.outbox.published")
                .description("Outbox rows published to Kafka").register(registry);
    }

    void published(int rows) {
        if (rows > 0) {
            published.increment(rows);
        }
    }

    private static double read(java.util.function.DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException e) {
            LOG.debugf("outbox metric unavailable: %s", e.getMessage());
            return Double.NaN;
        }
    }
}

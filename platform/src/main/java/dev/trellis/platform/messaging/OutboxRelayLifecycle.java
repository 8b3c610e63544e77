package dev.trellis.platform.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs this service's outbox relay from startup to shutdown. */
@ApplicationScoped
public class OutboxRelayLifecycle {
    private final OutboxStore store;
    private final OutboxSignal signal;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final OpenTelemetry telemetry;
    private OutboxRelay relay;

    public OutboxRelayLifecycle(OutboxStore store, OutboxSignal signal, OutboxConfig config, OutboxMetrics metrics,
            OpenTelemetry telemetry) {
        this.store = store;
        this.signal = signal;
        this.config = config;
        this.metrics = metrics;
        this.telemetry = telemetry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        relay = new OutboxRelay(config.source(), store, config.relay(), metrics::published,
                telemetry.getTracer(OutboxRelay.TRACER));
        signal.subscribe(relay::wake);
        relay.start();
    }

    /** True when this process runs a relay (false in tests that drive relays themselves). */
    public boolean running() {
        return relay != null;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }
}

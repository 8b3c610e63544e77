package dev.trellis.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * "Outbox relay": DOWN when the oldest unpublished row has waited longer than
 * {@code trellis.outbox.stuck-after}, so a stuck relay shows in readiness, not only in lagging consumers.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
    private final OutboxStore store;
    private final OutboxConfig config;

    public OutboxReadiness(OutboxStore store, OutboxConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Outbox relay");
        try {
            Duration oldest = store.oldestUnpublishedAge();
            response.withData("oldestUnpublishedSeconds", oldest.toSeconds())
                    .withData("stuckAfterSeconds", config.stuckAfter().toSeconds());
            return (oldest.compareTo(config.stuckAfter()) > 0 ? response.down() : response.up()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", "cannot read the outbox table").build();
        }
    }
}

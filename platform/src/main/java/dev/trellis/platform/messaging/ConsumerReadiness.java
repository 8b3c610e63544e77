package dev.trellis.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** "Event consumers": DOWN while a consumer retries an event whose effect failed (see {@link ConsumerHealth}). */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {
    private final ConsumerHealth health;

    public ConsumerReadiness(ConsumerHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        return health.response();
    }
}

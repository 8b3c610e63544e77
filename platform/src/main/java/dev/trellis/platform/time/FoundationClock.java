package dev.trellis.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of a service. Every "today" (a membership's status, a term's end, a meeting that has
 * started) is {@code LocalDate.now(clock)} in the foundation's zone, {@code trellis.time-zone}
 * (default UTC), never the JVM's. A test may replace it with a bean of its own (it is a default bean).
 */
@ApplicationScoped
public class FoundationClock {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock(@ConfigProperty(name = "trellis.time-zone", defaultValue = "UTC") ZoneId zone) {
        return Clock.system(zone);
    }
}

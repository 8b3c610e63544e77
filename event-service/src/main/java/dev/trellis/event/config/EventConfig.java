package dev.trellis.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** event-service's own settings ({@code trellis.event.*}). */
@ConfigMapping(prefix = "trellis.event")
public interface EventConfig {

    /**
     * How long before an event starts the door opens for check-in ({@code trellis.event.check-in-opens-before},
     * an ISO-8601 duration). Earlier check-ins are refused (422 {@code check-in-not-open}).
     */
    @WithDefault("PT24H")
    Duration checkInOpensBefore();
}

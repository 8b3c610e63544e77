package dev.trellis.platform.testing;

import dev.trellis.platform.messaging.OutboxConfig;
import java.time.Duration;

/** Relay settings for relays that tests build and drive themselves. */
public record RelaySettings(String bootstrapServers, Duration pollInterval, Duration sendTimeout)
        implements OutboxConfig.Relay {

    public static RelaySettings fast(String bootstrapServers) {
        return new RelaySettings(bootstrapServers, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public Duration initialBackoff() {
        return Duration.ofMillis(100);
    }

    @Override
    public Duration maxBackoff() {
        return Duration.ofSeconds(1);
    }

}

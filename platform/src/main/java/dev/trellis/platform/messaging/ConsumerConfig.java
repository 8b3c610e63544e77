package dev.trellis.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the {@link EventDispatcher} retries an effect that failed for a reason outside the event, and how often
 * consumer lag is measured.
 */
@ConfigMapping(prefix = "trellis.consumer")
public interface ConsumerConfig {

    /** The first pause after a failed attempt; each further failure doubles it up to {@link #maxBackoff()}. */
    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT10S")
    Duration maxBackoff();

    /** How often {@link ConsumerLag} asks the broker for the consumer groups' lag; 0 turns it off. */
    @WithDefault("PT15S")
    Duration lagInterval();
}

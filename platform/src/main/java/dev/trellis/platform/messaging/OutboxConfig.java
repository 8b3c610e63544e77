package dev.trellis.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the transactional outbox and its relay. */
@ConfigMapping(prefix = "trellis.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service records. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /**
     * Put in front of every topic name. Service tests set it, so that their events never reach the
     * consumers of a stack running on the same broker.
     */
    Optional<String> topicPrefix();

    Relay relay();

    /**
     * Readiness turns DOWN when the oldest unpublished row has waited longer than this: the relay is
     * stuck (Kafka unreachable, a row it cannot send) and every consumer is falling behind.
     */
    @WithDefault("PT2M")
    Duration stuckAfter();

    interface Relay {
        /** Off only in tests that drive relays themselves. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
        String bootstrapServers();

        @WithDefault("200")
        int batchSize();

        /** Fallback poll, for rows committed by another instance or left by a crash. Commits in this process wake the relay at once. */
        @WithDefault("PT1S")
        Duration pollInterval();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /**
         * The producer's delivery timeout: how long a sent row may wait for the broker's acknowledgement.
         * Long, because a row that times out after all is published again (a duplicate, which consumers skip).
         */
        @WithDefault("PT30S")
        Duration sendTimeout();
    }
}

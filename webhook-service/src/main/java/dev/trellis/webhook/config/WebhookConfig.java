package dev.trellis.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** webhook-service's settings (application.properties; docs/webhooks.md explains each). */
@ConfigMapping(prefix = "trellis.webhook")
public interface WebhookConfig {

    /** The AES-256 key that seals the signing secrets at rest: 32 bytes, base64. */
    String secretKey();

    /** How long a rotated secret keeps signing beside the new one. */
    @WithDefault("24H")
    Duration rotationOverlap();

    Delivery delivery();

    interface Delivery {
        /** The pause after a first failed attempt; each further failure doubles it (with jitter) up to {@link #maxBackoff()}. */
        @WithDefault("30S")
        Duration initialBackoff();

        @WithDefault("6H")
        Duration maxBackoff();

        /** A delivery that has failed for this long since it was recorded is given up (status FAILED). */
        @WithDefault("48H")
        Duration giveUpAfter();

        /** A subscription whose attempts have all failed for this long ... */
        @WithDefault("24H")
        Duration disableAfter();

        /** ... and at least this many times in a row is disabled, with the reason. */
        @WithDefault("10")
        int disableAfterAttempts();

        @WithDefault("5S")
        Duration connectTimeout();

        /** The longest wait for the receiver's status line once the request is sent. */
        @WithDefault("10S")
        Duration readTimeout();

        /** The worker looks for due deliveries this often when nothing wakes it. */
        @WithDefault("2S")
        Duration pollInterval();

        /** How many deliveries (of different lanes) one round of the worker sends at once. */
        @WithDefault("20")
        int batchSize();

        /**
         * Lets targets on this machine's loopback addresses through, for the tests' receiver on 127.0.0.1 only;
         * private, link-local and every other non-public range stay refused.
         */
        @WithDefault("false")
        boolean allowLoopback();
    }
}

package dev.trellis.platform.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the daily retention run. Each category's age limit is {@code trellis.retention.<category>.after}
 * (see {@link RetentionRule}); the categories and their defaults are listed in docs/privacy.md.
 */
@ConfigMapping(prefix = "trellis.retention")
public interface RetentionConfig {

    /** Off only in tests that run retention themselves. */
    @WithDefault("true")
    boolean enabled();

    /** When the run starts: a Quarkus cron expression in the JVM's zone (UTC in the images), read by the scheduler. */
    @WithDefault("0 30 2 * * ?")
    String cron();

    /** Rows per statement: each batch is a transaction of its own, so a run never holds many locks for long. */
    @WithDefault("500")
    int batchSize();
}

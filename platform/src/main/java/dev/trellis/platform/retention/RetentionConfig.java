package dev.trellis.platform.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Settings of the daily retention run. Each category's age limit is {@code trellis.retention.<category>.after}
 * (see {@link RetentionRule}); the categories and their defaults are listed in docs/privacy.md.
 */
@ConfigMapping(prefix = "trellis.retention")
public interface RetentionConfig {

    /**
     * The service's name in the route of its run log ({@code GET /api/privacy/<service>/retention-runs}); set by
     * every service whose database has the {@code retention_run} table. Unset: the route answers 404.
     */
    Optional<String> service();

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

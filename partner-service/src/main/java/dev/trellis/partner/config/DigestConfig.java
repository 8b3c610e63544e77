package dev.trellis.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily digest of next steps to staff ({@code trellis.mail.digest.*}; StaffDigest, docs/mail.md). */
@ConfigMapping(prefix = "trellis.mail.digest")
public interface DigestConfig {
    /** When the digest goes out (a Quartz-style cron in the server's zone, read by {@code @Scheduled}); {@code off}: never. */
    @WithDefault("0 0 7 * * ?")
    String cron();

    /** Staff members digested per transaction; the sweep goes on while batches are full. */
    @WithDefault("100")
    int batchSize();
}

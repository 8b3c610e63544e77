package dev.trellis.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Membership renewal reminders ({@code trellis.mail.renewal.*}; RenewalReminders, docs/mail.md). The rest of
 * {@code trellis.mail.*} (relay, language, public URL) is platform's {@code dev.trellis.platform.mail.MailConfig}.
 */
@ConfigMapping(prefix = "trellis.mail.renewal")
public interface RenewalConfig {
    /** Days before a term's end at which its billing and primary contacts are reminded, once each. */
    @WithDefault("60,30,7")
    List<Integer> daysBefore();

    /** How often the sweep runs, e.g. {@code 1h}, or {@code off} (read by {@code @Scheduled} itself). */
    @WithDefault("1h")
    String sweepEvery();

    /** Memberships reminded per sweep transaction; the sweep goes on while batches are full. */
    @WithDefault("100")
    int batchSize();
}

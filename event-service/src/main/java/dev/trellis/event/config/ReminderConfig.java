package dev.trellis.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The reminder mail to registrants before an event ({@code trellis.mail.reminder.*}, ReminderService; docs/mail.md).
 * The rest of {@code trellis.mail.*} is platform's {@code dev.trellis.platform.mail.MailConfig}.
 */
@ConfigMapping(prefix = "trellis.mail.reminder")
public interface ReminderConfig {
    /** How long before the start the reminder goes out. */
    @WithDefault("PT24H")
    Duration before();

    /** How often the sweep looks for registrants to remind (read by the scheduler). */
    @WithDefault("PT5M")
    Duration sweepInterval();

    /** Reminders recorded per sweep transaction; the sweep goes on while batches are full. */
    @WithDefault("200")
    int batchSize();
}

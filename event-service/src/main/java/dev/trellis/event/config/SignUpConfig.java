package dev.trellis.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Public sign-up with double opt-in ({@code trellis.sign-up.*}; docs/mail.md, "Public sign-up"). */
@ConfigMapping(prefix = "trellis.sign-up")
public interface SignUpConfig {

    /** How long the link in the confirmation mail confirms; an unconfirmed sign-up then lapses. */
    @WithDefault("PT24H")
    Duration holdFor();

    /** The window the limits count sign-ups in. */
    @WithDefault("PT1H")
    Duration window();

    /** Sign-ups of one address (any event) per window; more get 429. */
    @WithDefault("3")
    int perAddress();

    /** Sign-ups from one client address (any event) per window; more get 429. */
    @WithDefault("20")
    int perClient();

    /** How often lapsed sign-ups are deleted (read by the scheduler, SignUpService.sweep). */
    @WithDefault("PT10M")
    Duration sweepInterval();
}

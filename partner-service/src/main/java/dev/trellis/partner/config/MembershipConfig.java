package dev.trellis.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the membership lifecycle that are not charter terms (those are in {@link PartnerConfig}).
 * The sweep interval is read by {@code @Scheduled} itself as {@code trellis.membership.sweep-every}
 * (default {@code 1h}; {@code off} disables the job, as the tests do).
 */
@ConfigMapping(prefix = "trellis.membership")
public interface MembershipConfig {

    /** How many months an automatic renewal adds to a term. */
    @WithDefault("12")
    int autoRenewMonths();

    /** How often the status sweep runs, e.g. {@code 1h}, {@code 15m}, or {@code off}. */
    @WithDefault("1h")
    String sweepEvery();
}

package dev.trellis.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Settings of partner-service that a foundation tunes to its charter. */
@ConfigMapping(prefix = "trellis.partner")
public interface PartnerConfig {

    /** Membership tiers, highest first, as upper-snake-case codes. */
    @WithDefault("PLATINUM,GOLD,SILVER,END_USER,ASSOCIATE")
    List<String> tiers();

    /** Days after a membership's end date during which it is in grace rather than expired. */
    @WithDefault("30")
    int defaultGraceDays();

    /** How long a membership counts as "new" after it starts. */
    @WithDefault("3")
    int newMemberMonths();
}

package dev.trellis.insights.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The growth-lead rules (docs/insights.md, "Growth leads"): which registrations make a prospect, which members an upgrade lead. */
@ConfigMapping(prefix = "trellis.insights.growth")
public interface GrowthConfig {

    /** Registrations last heard of within this many days count for prospects. */
    @WithDefault("365")
    int prospectWindowDays();

    /** A domain needs at least this many registrations (not cancelled) in the window to be a prospect. */
    @WithDefault("2")
    int prospectMinRegistrations();

    /**
     * Email domains of free-mail providers, and the documentation domains of RFC 2606 (example.com, .org, .net): people,
     * not organisations, so never a prospect. Compared lower-cased.
     */
    @WithDefault("gmail.com,googlemail.com,outlook.com,hotmail.com,live.com,msn.com,yahoo.com,ymail.com,icloud.com,me.com,"
            + "mac.com,aol.com,proton.me,protonmail.com,pm.me,gmx.com,gmx.de,gmx.net,web.de,mail.com,mail.ru,yandex.com,"
            + "yandex.ru,qq.com,163.com,126.com,zoho.com,fastmail.com,tutanota.com,hey.com,example.com,example.org,example.net")
    List<String> freeMailDomains();

    /** The tiers from the lowest up: a member of one is compared with the members of the next. */
    @WithDefault("SILVER,GOLD,PLATINUM")
    List<String> tierLadder();

    /** Participation (events attended by the partner's people plus confirmed sponsorships) is counted over this many days. */
    @WithDefault("182")
    int upgradeWindowDays();

    /** An upgrade lead needs at least this much participation in the window, whatever the next tier's median. */
    @WithDefault("3")
    int upgradeMinParticipation();

    /** The next tier up needs at least this many members for its median to mean something. */
    @WithDefault("2")
    int upgradeMinPeers();
}

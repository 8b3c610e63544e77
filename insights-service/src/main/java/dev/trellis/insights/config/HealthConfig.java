package dev.trellis.insights.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The health model's weights and thresholds (docs/insights.md). Each rule costs up to its points; the score is 100
 * minus the costs, never below 0.
 */
@ConfigMapping(prefix = "trellis.insights.health")
public interface HealthConfig {

    /** A membership without auto-renew that ends within this many days is a renewal at risk. */
    @WithDefault("90")
    int renewalWindowDays();

    @WithDefault("25")
    int renewalCost();

    /** In grace: the term has ended and the membership is not renewed. */
    @WithDefault("35")
    int graceCost();

    /** No executive touchpoint for longer than this many days. */
    @WithDefault("90")
    int executiveTouchpointDays();

    @WithDefault("20")
    int executiveTouchpointCost();

    /** Each entitled (tier-appointed) seat left empty costs this much, up to {@link #emptySeatMaxCost()}. */
    @WithDefault("15")
    int emptySeatCost();

    @WithDefault("30")
    int emptySeatMaxCost();

    /** Seat holders present at fewer than this share (percent) of their last meetings. */
    @WithDefault("50")
    int attendanceMinPercent();

    /** The attendance rule looks at the meetings held in this many days, and needs at least two. */
    @WithDefault("180")
    int attendanceWindowDays();

    @WithDefault("15")
    int attendanceCost();

    /**
     * Event attendance and sponsorships in the last two quarters (182 days) below this share (percent) of the two
     * before, when those had at least {@link #participationMinBefore()}.
     */
    @WithDefault("50")
    int participationDropPercent();

    @WithDefault("2")
    int participationMinBefore();

    @WithDefault("10")
    int participationCost();

    /** Each next step not done after its due date costs this much, up to {@link #overdueNextStepsMaxCost()}. */
    @WithDefault("5")
    int overdueNextStepCost();

    @WithDefault("15")
    int overdueNextStepsMaxCost();

    /** A member scoring below this is on the at-risk worklist: any reason but a participation drop alone. */
    @WithDefault("90")
    int atRiskBelow();
}

package dev.trellis.advisory.domain.policy;

import java.util.Map;

/**
 * The reason codes of seat flags, as stored and as published in seat-flagged's {@code reasonCode}.
 * A code that was renamed stays readable: {@link #canonical(String)} turns it into today's.
 */
public final class FlagCodes {
    /** The partner the seat is held for is no longer a current member (lapsed, expired, not yet started). */
    public static final String MEMBERSHIP_NOT_CURRENT = "MEMBERSHIP_NOT_CURRENT";
    public static final String TIER_CHANGED = "TIER_CHANGED";
    public static final String ENTITLEMENT_EXCEEDED = "ENTITLEMENT_EXCEEDED";
    public static final String HOLDER_LEFT_PARTNER = "HOLDER_LEFT_PARTNER";
    public static final String GROUP_CAP_EXCEEDED = "GROUP_CAP_EXCEEDED";
    public static final String SEAT_INACTIVE = "SEAT_INACTIVE";

    /** Old code → the code it was renamed to. PARTNER_LAPSED said "lapsed" of an expired membership too. */
    private static final Map<String, String> RENAMED = Map.of("PARTNER_LAPSED", MEMBERSHIP_NOT_CURRENT);

    private FlagCodes() {
    }

    /** Today's code for {@code code}: itself, unless it is an old name of one. */
    public static String canonical(String code) {
        return RENAMED.getOrDefault(code, code);
    }
}

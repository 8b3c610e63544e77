package dev.trellis.advisory.domain.policy;

/**
 * The number of seats of a kind other than tier-appointed: a fixed {@code count} (CNCF TOC: 11
 * elected), or one per {@code membersPerSeat} active members of {@code ratioOfTier} (Eclipse: elected
 * seats a ratio of strategic members), kept within {@code min} and {@code max}.
 */
public record SeatAllotment(SeatKind kind, Integer count, String ratioOfTier, Integer membersPerSeat, Rounding rounding,
        Integer min, Integer max) {
    public SeatAllotment {
        if (kind == null || kind == SeatKind.TIER_APPOINTED) {
            throw new IllegalArgumentException("an allotment is for elected, community or ex-officio seats");
        }
        if ((count == null) == (ratioOfTier == null || membersPerSeat == null)) {
            throw new IllegalArgumentException(kind + ": set either count or ratioOfTier with membersPerSeat");
        }
        if ((count != null && count < 0) || (membersPerSeat != null && membersPerSeat < 1)) {
            throw new IllegalArgumentException(kind + ": counts must be positive");
        }
        rounding = rounding == null ? Rounding.FLOOR : rounding;
    }

    public static SeatAllotment fixed(SeatKind kind, int count) {
        return new SeatAllotment(kind, count, null, null, null, null, null);
    }

    public static SeatAllotment ratio(SeatKind kind, String tier, int membersPerSeat, Integer min, Integer max) {
        return new SeatAllotment(kind, null, tier, membersPerSeat, Rounding.FLOOR, min, max);
    }

    /** The seats of this kind, given the active members per tier. */
    public int seats(java.util.Map<String, Integer> membersPerTier) {
        if (count != null) {
            return count;
        }
        int seats = rounding.seats(membersPerTier.getOrDefault(ratioOfTier, 0), membersPerSeat);
        if (min != null) {
            seats = Math.max(seats, min);
        }
        return max == null ? seats : Math.min(seats, max);
    }
}

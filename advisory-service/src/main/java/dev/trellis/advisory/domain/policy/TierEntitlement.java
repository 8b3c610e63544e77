package dev.trellis.advisory.domain.policy;

/**
 * Tier-appointed seats of one membership tier: either a fixed number per member ({@code perMember}:
 * Platinum, 1 each) or one seat per {@code membersPerSeat} members of the tier, at most {@code max}
 * (Gold: 1 per 5, at most 3). Exactly one of {@code perMember} and {@code membersPerSeat} is set.
 */
public record TierEntitlement(String tier, Integer perMember, Integer membersPerSeat, Rounding rounding, Integer max) {
    public TierEntitlement {
        if (tier == null || tier.isBlank()) {
            throw new IllegalArgumentException("a tier entitlement needs a tier");
        }
        if ((perMember == null) == (membersPerSeat == null)) {
            throw new IllegalArgumentException("tier " + tier + ": set either perMember or membersPerSeat");
        }
        if ((perMember != null && perMember < 1) || (membersPerSeat != null && membersPerSeat < 1) || (max != null && max < 0)) {
            throw new IllegalArgumentException("tier " + tier + ": counts must be positive");
        }
        rounding = rounding == null ? Rounding.FLOOR : rounding;
    }

    public static TierEntitlement perMember(String tier, int seats) {
        return new TierEntitlement(tier, seats, null, null, null);
    }

    public static TierEntitlement ratio(String tier, int membersPerSeat, Integer max) {
        return new TierEntitlement(tier, null, membersPerSeat, Rounding.FLOOR, max);
    }

    /** The seats this tier is entitled to when it has {@code members} active members. */
    public int seats(int members) {
        if (perMember != null) {
            return perMember * members;
        }
        int seats = rounding.seats(members, membersPerSeat);
        return max == null ? seats : Math.min(seats, max);
    }
}

package dev.trellis.advisory.domain.policy;

/**
 * Seats of {@code kind} exist only once {@code minFilled} seats of {@code whenKind} are filled, counting
 * only those appointed for {@code whenTier} if it is set (OpenJS: a community seat needs 2 Platinum
 * directors).
 */
public record ActivationThreshold(SeatKind kind, SeatKind whenKind, String whenTier, int minFilled) {
    public ActivationThreshold {
        if (kind == null || whenKind == null || minFilled < 1) {
            throw new IllegalArgumentException("an activation threshold needs both kinds and a positive count");
        }
    }
}

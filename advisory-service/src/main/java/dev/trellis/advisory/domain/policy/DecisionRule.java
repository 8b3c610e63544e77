package dev.trellis.advisory.domain.policy;

/**
 * When a resolution passes: the yes votes must exceed ({@code strict}) or reach the {@code fraction}
 * of the {@code basis} (CNCF TOC: more than 1/2 of those present).
 */
public record DecisionRule(Basis basis, Fraction fraction, boolean strict) {
    public enum Basis {
        /** Voting members present (in person or through their alternate). */
        PRESENT,
        /** All voting seats, present or not. */
        VOTING_SEATS,
        /** Yes and no votes; abstentions do not count. */
        VOTES_CAST
    }

    public DecisionRule {
        if (basis == null || fraction == null) {
            throw new IllegalArgumentException("a decision rule needs a basis and a fraction");
        }
    }

    public static DecisionRule majorityOfPresent() {
        return new DecisionRule(Basis.PRESENT, Fraction.of(1, 2), true);
    }
}

package dev.trellis.advisory.domain.policy;

/**
 * A seat-policy rule an appointment (or a board as it stands) breaks. {@code rule} is a stable id,
 * the suffix of the problem type; {@code conflict} tells a clash with the board as it is (409) from a
 * request that can never be right (422).
 */
public record Violation(String rule, String detail, boolean conflict) {
    public static Violation conflict(String rule, String detail) {
        return new Violation(rule, detail, true);
    }

    public static Violation invalid(String rule, String detail) {
        return new Violation(rule, detail, false);
    }
}

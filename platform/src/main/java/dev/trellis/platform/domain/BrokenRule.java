package dev.trellis.platform.domain;

/**
 * One rule a change would break or clashes with.
 *
 * @param rule   a stable code, such as {@code COMPANY_CAP_EXCEEDED} or {@code registration-closed}
 * @param detail what was observed, in words a user can act on
 */
public record BrokenRule(String rule, String detail) {
}

package dev.trellis.platform.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A well-formed request the domain refuses, with every rule it broke. Two kinds, answered differently:
 * <ul>
 * <li>{@link StateConflict} (409): the current state of the resource does not allow it; it may succeed
 * once the state changes (a seat already vacated, an event already cancelled, a taken email);
 * <li>{@link RuleViolation} (422): the change itself would break a business rule (a seat policy, a
 * registration window, a dating rule of affiliations).
 * </ul>
 */
public abstract sealed class DomainRuleViolation extends DomainException permits StateConflict, RuleViolation {
    private final List<BrokenRule> rules;

    protected DomainRuleViolation(String slug, String title, String detail, List<BrokenRule> rules) {
        super(slug, title, detail);
        this.rules = List.copyOf(rules);
    }

    /** Every rule broken, in the order they were checked; never empty. */
    public List<BrokenRule> rules() {
        return rules;
    }

    static String join(List<BrokenRule> rules) {
        return rules.stream().map(BrokenRule::detail).collect(Collectors.joining("; "));
    }
}

package dev.trellis.platform.domain;

import java.util.List;

/** The change would break a business rule (422). See {@link DomainRuleViolation}. */
public final class RuleViolation extends DomainRuleViolation {

    public RuleViolation(String slug, String title, List<BrokenRule> rules) {
        super(slug, title, join(rules), rules);
    }

    /** One broken rule whose code is the problem's slug. */
    public static RuleViolation of(String slug, String title, String detail) {
        return new RuleViolation(slug, title, List.of(new BrokenRule(slug, detail)));
    }
}

package dev.trellis.platform.domain;

import java.util.List;

/** The resource's current state does not allow this request (409). See {@link DomainRuleViolation}. */
public final class StateConflict extends DomainRuleViolation {

    public StateConflict(String slug, String title, List<BrokenRule> rules) {
        super(slug, title, join(rules), rules);
    }

    /** One broken rule whose code is the problem's slug. */
    public static StateConflict of(String slug, String title, String detail) {
        return new StateConflict(slug, title, List.of(new BrokenRule(slug, detail)));
    }
}

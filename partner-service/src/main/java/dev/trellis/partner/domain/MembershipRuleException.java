package dev.trellis.partner.domain;

/**
 * A membership rule refused a change. {@code field} names the request field at fault; {@code conflict}
 * says the request is well formed but the membership's current state does not allow it.
 */
public class MembershipRuleException extends RuntimeException {
    private final String field;
    private final boolean conflict;

    private MembershipRuleException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public static MembershipRuleException invalid(String field, String message) {
        return new MembershipRuleException(field, message, false);
    }

    public static MembershipRuleException conflict(String message) {
        return new MembershipRuleException(null, message, true);
    }

    public String field() {
        return field;
    }

    public boolean isConflict() {
        return conflict;
    }
}

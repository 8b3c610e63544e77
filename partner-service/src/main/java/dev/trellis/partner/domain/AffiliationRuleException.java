package dev.trellis.partner.domain;

/**
 * A dating rule of affiliations was broken. {@link Kind#INVALID} is a bad value in the request (it names
 * the field); {@link Kind#CONFLICT} is a request that is well-formed but clashes with the stored history.
 */
public class AffiliationRuleException extends RuntimeException {
    public enum Kind {
        INVALID, CONFLICT
    }

    private final Kind kind;
    private final String field;

    public AffiliationRuleException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static AffiliationRuleException invalid(String field, String message) {
        return new AffiliationRuleException(Kind.INVALID, field, message);
    }

    public static AffiliationRuleException conflict(String message) {
        return new AffiliationRuleException(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}

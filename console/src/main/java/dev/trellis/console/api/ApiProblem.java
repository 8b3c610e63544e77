package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A refusal from the API: its problem+json body (RFC 9457) as an exception, so that a page can show the
 * message next to the field it concerns ({@link #errors()}) or list the rules an action would break
 * ({@link #rules()}).
 */
public final class ApiProblem extends RuntimeException {

    /** The problem+json body; every field is optional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Body(String type, String title, Integer status, String detail, List<FieldError> errors,
            List<BrokenRule> rules) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BrokenRule(String rule, String detail) {
    }

    private final int status;
    private final transient Body body;

    public ApiProblem(int status, Body body) {
        super("API answered " + status + (body == null || body.title() == null ? "" : ": " + body.title()), null, false, false);
        this.status = status;
        this.body = body == null ? new Body(null, null, status, null, List.of(), List.of()) : body;
    }

    public int status() {
        return status;
    }

    public String title() {
        return body.title();
    }

    /** The human-readable explanation, or the title when the API gave none. */
    public String detail() {
        return body.detail() != null ? body.detail() : body.title() != null ? body.title() : "The request was refused (" + status + ")";
    }

    /** The last path segment of the problem type, e.g. {@code company-group-cap}; null without a type. */
    public String code() {
        String type = body.type();
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    public List<FieldError> errors() {
        return body.errors() == null ? List.of() : body.errors();
    }

    public List<BrokenRule> rules() {
        return body.rules() == null ? List.of() : body.rules();
    }
}

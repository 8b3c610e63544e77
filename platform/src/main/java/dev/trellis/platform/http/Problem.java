package dev.trellis.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. Every 4xx and 5xx body of every service is one of these, served as
 * {@code application/problem+json}. It never carries a stack trace or SQL.
 *
 * @param errors for validation problems: the fields that failed and why
 * @param rules  for refused changes (409, 422): every rule broken, with what was observed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        List<Rule> rules) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Base of this project's problem type URIs; each is described in docs/api.md. */
    public static final String TYPE_BASE = "https://trellis.dev/problems/";
    /** The longest title, detail, field name or message a problem carries; longer text is cut (the OpenAPI says so). */
    public static final int MAX_TEXT = 2000;
    /** The most field errors or rules one problem lists; a longer list is cut. */
    public static final int MAX_ITEMS = 100;

    public Problem {
        title = cut(title);
        detail = cut(detail);
        errors = errors == null ? null : errors.stream().limit(MAX_ITEMS)
                .map(e -> new FieldError(cut(e.field()), cut(e.message()))).toList();
        rules = rules == null ? null : rules.stream().limit(MAX_ITEMS)
                .map(r -> new Rule(cut(r.rule()), cut(r.detail()))).toList();
    }

    public record FieldError(String field, String message) {
    }

    public record Rule(String rule, String detail) {
    }

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, List.of());
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    public static URI type(String slug) {
        return slug == null ? URI.create("about:blank") : URI.create(TYPE_BASE + slug);
    }
}

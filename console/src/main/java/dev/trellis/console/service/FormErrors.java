package dev.trellis.console.service;

import dev.trellis.console.api.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An API refusal laid out for a form: each message next to the field it names (the form's fields carry
 * the API's own field names, so {@code summary} or {@code nextSteps[0].owner} land where they belong), and
 * what names no field of the form at the top, in an error summary. Broken rules are kept apart: some
 * pages let staff override them.
 */
public record FormErrors(Map<String, List<String>> fields, List<String> general, List<ApiProblem.BrokenRule> rules, int status) {

    public static final FormErrors NONE = new FormErrors(Map.of(), List.of(), List.of(), 0);

    /** @param formFields the names of the form's fields; a list field matches its indexed entries ({@code a[2]} is {@code a}) */
    public static FormErrors of(ApiProblem problem, Set<String> formFields) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ApiProblem.FieldError e : problem.errors()) {
            String field = matchField(e.field(), formFields);
            if (field == null) {
                general.add((e.field() == null ? "" : e.field() + ": ") + e.message());
            } else {
                fields.computeIfAbsent(field, k -> new ArrayList<>()).add(e.message());
            }
        }
        for (ApiProblem.BrokenRule rule : problem.rules()) {
            String field = formFields.stream().filter(f -> rule.detail() != null && rule.detail().contains(f)).findFirst().orElse(null);
            if (field != null) {
                fields.computeIfAbsent(field, k -> new ArrayList<>()).add(rule.detail());
            }
        }
        if (fields.isEmpty() && general.isEmpty() && problem.rules().isEmpty()) {
            general.add(problem.detail());
        }
        return new FormErrors(fields, general, problem.rules(), problem.status());
    }

    /** A message of the console's own about one field (a value that does not parse, before any API call). */
    public static FormErrors field(String field, String message) {
        return new FormErrors(Map.of(field, List.of(message)), List.of(), List.of(), 400);
    }

    private static String matchField(String apiField, Set<String> formFields) {
        if (apiField == null) {
            return null;
        }
        if (formFields.contains(apiField)) {
            return apiField;
        }
        String unindexed = apiField.replaceAll("\\[\\d+]$", "");
        return formFields.contains(unindexed) ? unindexed : null;
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty() || !rules.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The messages about one field, joined; empty when there are none. */
    public String of(String field) {
        return String.join("; ", fields.getOrDefault(field, List.of()));
    }

    /** Every message, field ones first, for the error summary at the top of a form. */
    public List<Message> summary() {
        List<Message> all = new ArrayList<>();
        fields.forEach((field, messages) -> messages.forEach(m -> all.add(new Message(field, m))));
        general.forEach(m -> all.add(new Message(null, m)));
        return all;
    }

    /** One line of the error summary; {@code field} links to the input it concerns. */
    public record Message(String field, String text) {
        /** The id of the input, as the templates write it ({@code f-} + the field name without brackets and dots). */
        public String anchor() {
            return field == null ? null : Forms.idOf(field);
        }
    }
}

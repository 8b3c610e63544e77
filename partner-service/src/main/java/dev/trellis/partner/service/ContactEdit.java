package dev.trellis.partner.service;

import java.util.Set;

/**
 * A JSON-merge edit of a contact's own details: only the {@code fields} named are changed, a named field
 * with a null value is cleared.
 */
public record ContactEdit(Set<String> fields, String firstName, String lastName, String email, String phone,
        String jobTitle) {
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String JOB_TITLE = "jobTitle";

    public ContactEdit {
        fields = Set.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.contains(field);
    }
}

package dev.trellis.partner.service.command;

/**
 * The new values of a contact's own details, as a merge patch ({@code MergePatch<ContactChanges>}): only the
 * fields present change. A present null (or blank) clears phone or job title; names and email cannot be
 * cleared (400 naming the field).
 */
public record ContactChanges(String firstName, String lastName, String email, String phone, String jobTitle) {
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String JOB_TITLE = "jobTitle";
}

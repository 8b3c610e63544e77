package dev.trellis.console.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Small parsing helpers for form values: a value that does not parse is a field error, never a 500. */
public final class Forms {

    private Forms() {
    }

    /** The HTML id of a form field: {@code nextSteps[0].owner} is {@code f-nextSteps-0-owner}. */
    public static String idOf(String field) {
        return "f-" + field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** @throws InvalidField when the value is not an ISO date */
    public static LocalDate date(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date like 2027-03-31");
        }
    }

    /** @throws InvalidField when the value is not a UUID */
    public static UUID uuid(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be chosen from the list");
        }
    }

    /** A form value the console refuses before asking the API. */
    public static final class InvalidField extends RuntimeException {
        private final String field;

        public InvalidField(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public FormErrors errors() {
            return FormErrors.field(field, getMessage());
        }
    }
}

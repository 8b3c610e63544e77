package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.service.ImportLine;
import dev.trellis.partner.service.command.ImportContact;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One line of a contact import file (docs/import.md), its cells by column, blanks as null: the same rules as
 * {@link ContactCreateRequest} for the details, and an optional affiliation (role and start date, and the
 * partner by id or email domain, else the email's domain).
 */
public record ContactImportRow(
        @NotBlank(message = "missing") @Size(max = 254) @Email(regexp = ContactRules.EMAIL) String email,
        @Size(max = 100) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String firstName,
        @Size(max = 100) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String lastName,
        @Size(max = 40) @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String phone,
        @Size(max = 150) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String jobTitle,
        String partnerId,
        @Size(max = 253) String partnerDomain,
        String role,
        String startDate) {
    public static final List<String> COLUMNS = List.of("email", "firstName", "lastName", "phone", "jobTitle",
            "partnerId", "partnerDomain", "role", "startDate");
    public static final Set<String> REQUIRED = Set.of("email");
    /** Other names of columns, normalised (lower case, no spaces, {@code _} or {@code -}). */
    public static final Map<String, String> ALIASES = Map.of("emailaddress", "email", "phonenumber", "phone");

    public static ContactImportRow of(Map<String, String> cells) {
        return new ContactImportRow(cells.get("email"), cells.get("firstName"), cells.get("lastName"),
                cells.get("phone"), cells.get("jobTitle"), cells.get("partnerId"), cells.get("partnerDomain"),
                cells.get("role"), cells.get("startDate"));
    }

    /** The line as a command, or refused naming every field at fault, in column order. */
    public ImportLine<ImportContact> toLine(long number, Validator validator) {
        String key = email == null ? "" : email;
        List<String> errors = new ArrayList<>();
        validator.validate(this).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ContactImportRow> v) ->
                        COLUMNS.indexOf(v.getPropertyPath().toString())).thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.add(v.getPropertyPath() + ": " + v.getMessage()));
        UUID partner = null;
        if (partnerId != null) {
            try {
                partner = UUID.fromString(partnerId);
            } catch (IllegalArgumentException e) {
                errors.add("partnerId: not a partner id (UUID)");
            }
        }
        AffiliationRole affiliationRole = null;
        if (role != null) {
            try {
                affiliationRole = AffiliationRole.valueOf(role.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
            } catch (IllegalArgumentException e) {
                errors.add("role: one of " + Arrays.toString(AffiliationRole.values()));
            }
        }
        LocalDate start = null;
        if (startDate != null) {
            try {
                start = LocalDate.parse(startDate);
            } catch (DateTimeParseException e) {
                errors.add("startDate: not a date (yyyy-mm-dd)");
            }
        }
        boolean affiliation = partnerId != null || partnerDomain != null || role != null || startDate != null;
        if (affiliation && role == null) {
            errors.add("role: needed for an affiliation");
        }
        if (affiliation && startDate == null) {
            errors.add("startDate: needed for an affiliation");
        }
        if (!errors.isEmpty()) {
            return ImportLine.refused(number, key, String.join("; ", errors));
        }
        return ImportLine.of(number, key, new ImportContact(email, firstName, lastName, phone, jobTitle, partner,
                partnerDomain, affiliationRole, start));
    }
}

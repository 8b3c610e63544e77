package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.ImportLine;
import dev.trellis.partner.service.command.ImportMembership;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One line of a membership import file (docs/import.md), its cells by column, blanks as null: the partner (by id,
 * external id or email domain), the tier (letter case and spaces aside: {@code End User} is {@code END_USER}), the
 * term's dates ({@code yyyy-mm-dd}), auto-renewal ({@code yes}/{@code no}, {@code true}/{@code false},
 * {@code 1}/{@code 0}) and the grace days.
 */
public record MembershipImportRow(
        String partnerId,
        @Size(max = 100) String partnerExternalId,
        @Size(max = 253) String partnerDomain,
        @Size(max = 40) String tier,
        String termStart,
        String termEnd,
        String autoRenew,
        String graceDays) {
    public static final List<String> COLUMNS = List.of("partnerId", "partnerExternalId", "partnerDomain", "tier",
            "termStart", "termEnd", "autoRenew", "graceDays");
    public static final Set<String> REQUIRED = Set.of("tier", "termStart", "termEnd");
    /** Other names of columns, normalised (lower case, no spaces, {@code _} or {@code -}): CiviCRM's and sheets'. */
    public static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("contactid", "partnerExternalId"), Map.entry("externalid", "partnerExternalId"),
            Map.entry("domain", "partnerDomain"), Map.entry("emaildomain", "partnerDomain"),
            Map.entry("membershiptype", "tier"), Map.entry("level", "tier"),
            Map.entry("membershipstartdate", "termStart"), Map.entry("startdate", "termStart"),
            Map.entry("start", "termStart"),
            Map.entry("membershipenddate", "termEnd"), Map.entry("enddate", "termEnd"), Map.entry("end", "termEnd"),
            Map.entry("autorenewal", "autoRenew"), Map.entry("renewsautomatically", "autoRenew"));
    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");

    public static MembershipImportRow of(Map<String, String> cells) {
        return new MembershipImportRow(cells.get("partnerId"), cells.get("partnerExternalId"),
                cells.get("partnerDomain"), cells.get("tier"), cells.get("termStart"), cells.get("termEnd"),
                cells.get("autoRenew"), cells.get("graceDays"));
    }

    /** The line as a command, or refused naming every field at fault, in column order. */
    public ImportLine<ImportMembership> toLine(long number, Validator validator) {
        List<String> errors = new ArrayList<>();
        validator.validate(this).stream()
                .sorted(Comparator.comparing((ConstraintViolation<MembershipImportRow> v) ->
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
        String domain = partnerDomain == null ? null
                : partnerDomain.substring(partnerDomain.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (partnerId == null && partnerExternalId == null && domain == null) {
            errors.add("partnerId: a partner id, external id or email domain is needed");
        }
        String partnerKey = partnerId != null ? partnerId : partnerExternalId != null ? partnerExternalId
                : domain == null ? "" : domain;
        String code = tier == null ? null : tier.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (code == null) {
            errors.add("tier: missing");
        }
        LocalDate start = date("termStart", termStart, errors);
        LocalDate end = date("termEnd", termEnd, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("termEnd: must not be before termStart");
        }
        boolean renew = false;
        if (autoRenew != null) {
            String value = autoRenew.toLowerCase(Locale.ROOT);
            if (YES.contains(value)) {
                renew = true;
            } else if (!NO.contains(value)) {
                errors.add("autoRenew: yes or no");
            }
        }
        Integer grace = null;
        if (graceDays != null) {
            try {
                grace = Integer.parseInt(graceDays);
                if (grace < 0 || grace > 365) {
                    errors.add("graceDays: must be between 0 and 365");
                }
            } catch (NumberFormatException e) {
                errors.add("graceDays: not a whole number");
            }
        }
        String key = partnerKey + (termStart == null ? "" : " " + termStart);
        if (!errors.isEmpty()) {
            return ImportLine.refused(number, key, String.join("; ", errors));
        }
        return ImportLine.of(number, key, new ImportMembership(partner, partnerExternalId, domain, code, start, end,
                renew, grace));
    }

    private static LocalDate date(String field, String value, List<String> errors) {
        if (value == null) {
            errors.add(field + ": missing");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field + ": not a date (yyyy-mm-dd)");
            return null;
        }
    }
}

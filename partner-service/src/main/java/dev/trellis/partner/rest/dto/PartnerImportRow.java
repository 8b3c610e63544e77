package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.ImportLine;
import dev.trellis.partner.service.command.ImportPartner;
import dev.trellis.platform.validation.PublicHttpUrl;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One line of a partner import file (docs/import.md), its cells by column, blanks as null: the same bounds as
 * {@link PartnerRequest}, email domains as a list in one cell (separated by {@code ;}, {@code ,} or spaces; an email
 * address stands for its domain), a country as its ISO code or English name, the company group as the parent's
 * external id or email domain.
 */
public record PartnerImportRow(
        @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String externalId,
        @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String name,
        @Size(max = 300) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String legalName,
        @Size(max = 500) @PublicHttpUrl String website,
        String country,
        @Size(max = 5000) String emailDomains,
        @Size(max = 253) String companyGroup,
        String status) {
    public static final List<String> COLUMNS = List.of("externalId", "name", "legalName", "website", "country",
            "emailDomains", "companyGroup", "status");
    /** Other names of columns, normalised (lower case, no spaces, {@code _} or {@code -}): CiviCRM's and sheets'. */
    public static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("contactid", "externalId"),
            Map.entry("id", "externalId"),
            Map.entry("organizationname", "name"), Map.entry("organisationname", "name"),
            Map.entry("company", "name"), Map.entry("companyname", "name"), Map.entry("partner", "name"),
            Map.entry("legalname", "legalName"),
            Map.entry("url", "website"), Map.entry("homepage", "website"),
            Map.entry("countrycode", "country"),
            Map.entry("domain", "emailDomains"), Map.entry("domains", "emailDomains"),
            Map.entry("emaildomain", "emailDomains"), Map.entry("email", "emailDomains"),
            Map.entry("parent", "companyGroup"), Map.entry("parentorganization", "companyGroup"),
            Map.entry("parentcompany", "companyGroup"), Map.entry("group", "companyGroup"),
            Map.entry("lifecyclestatus", "status"));
    private static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(PartnerRequest.DOMAIN);
    private static final int MAX_DOMAINS = 20;
    /** ISO 3166-1 alpha-2 codes by their English names, lower-case (CiviCRM exports the name). */
    private static final Map<String, String> COUNTRIES = countries();

    public static PartnerImportRow of(Map<String, String> cells) {
        return new PartnerImportRow(cells.get("externalId"), cells.get("name"), cells.get("legalName"),
                cells.get("website"), cells.get("country"), cells.get("emailDomains"), cells.get("companyGroup"),
                cells.get("status"));
    }

    /** The line as a command, or refused naming every field at fault, in column order. */
    public ImportLine<ImportPartner> toLine(long number, Validator validator) {
        List<String> errors = new ArrayList<>();
        validator.validate(this).stream()
                .sorted(Comparator.comparing((ConstraintViolation<PartnerImportRow> v) ->
                        COLUMNS.indexOf(v.getPropertyPath().toString())).thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.add(v.getPropertyPath() + ": " + v.getMessage()));
        Set<String> domains = new LinkedHashSet<>();
        if (emailDomains != null) {
            for (String part : emailDomains.split("[;,\\s]+")) {
                String domain = part.substring(part.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
                if (domain.isEmpty()) {
                    continue;
                }
                if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                    errors.add("emailDomains: " + domain + " is not a domain name such as example.org");
                } else {
                    domains.add(domain);
                }
            }
            if (domains.size() > MAX_DOMAINS) {
                errors.add("emailDomains: at most " + MAX_DOMAINS);
            }
        }
        String key = externalId != null ? externalId : domains.isEmpty() ? "" : domains.iterator().next();
        if (externalId == null && domains.isEmpty()) {
            errors.add("externalId: an external id or an email domain is needed");
        }
        String code = null;
        if (country != null) {
            code = country.length() == 2 ? country.toUpperCase(Locale.ROOT) : COUNTRIES.get(country.toLowerCase(Locale.ROOT));
            if (code == null || !COUNTRIES.containsValue(code)) {
                errors.add("country: not an ISO 3166-1 alpha-2 code (DE) or an English country name");
            }
        }
        LifecycleStatus lifecycle = null;
        if (status != null) {
            String upper = status.toUpperCase(Locale.ROOT).strip();
            if (upper.equals("PROSPECT") || upper.equals("ACTIVE")) {
                lifecycle = LifecycleStatus.valueOf(upper);
            } else {
                errors.add("status: PROSPECT or ACTIVE (for a new partner)");
            }
        }
        if (!errors.isEmpty()) {
            return ImportLine.refused(number, key, String.join("; ", errors));
        }
        return ImportLine.of(number, key, new ImportPartner(externalId, name, legalName, website, code,
                List.copyOf(domains), companyGroup, lifecycle));
    }

    private static Map<String, String> countries() {
        Map<String, String> byName = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            byName.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        return Map.copyOf(byName);
    }
}

package dev.trellis.console.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trellis.console.api.ImportsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The CSV imports as the console offers them (docs/import.md): which file each role may import, the file sent to
 * partner-service as it was uploaded, and the per-line report read back into what the page shows: how many lines
 * had each outcome, and the lines that need a look (refused first, then created and updated; unchanged lines are
 * only counted), at most {@link #MAX_SHOWN}.
 */
@ApplicationScoped
public class ImportViews {
    /** The most report lines a page lists; the counts cover them all. */
    public static final int MAX_SHOWN = 1000;
    private static final List<String> OUTCOMES = List.of("refused", "created", "updated", "unchanged");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /** One import: its page path segment, the API route it posts to, who may run it, and its columns. */
    public enum Kind {
        CONTACTS("contacts", "Contacts with affiliations", Viewer.TEAM, "email (required), firstName, lastName, phone, "
                + "jobTitle, partnerId or partnerDomain, role, startDate", "email"),
        PARTNERS("partners", "Partners with email domains", Viewer.TEAM, "externalId or emailDomains (one is required), "
                + "name, legalName, website, country, companyGroup, status", "externalId or emailDomains"),
        MEMBERSHIPS("memberships", "Memberships", Viewer.STAFF, "tier, termStart, termEnd and one of partnerId, "
                + "partnerExternalId, partnerDomain (required), autoRenew, graceDays", "tier, termStart, termEnd, a partner");

        private final String slug;
        private final String title;
        private final String role;
        private final String columns;
        private final String required;

        Kind(String slug, String title, String role, String columns, String required) {
            this.slug = slug;
            this.title = title;
            this.role = role;
            this.columns = columns;
            this.required = required;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }

        public String role() {
            return role;
        }

        public String columns() {
            return columns;
        }

        public String required() {
            return required;
        }

        /** The form field of this import's file (the page has one form per import): {@code contacts-file}. */
        public String fileField() {
            return slug + "-file";
        }

        public static Optional<Kind> of(String slug) {
            for (Kind kind : values()) {
                if (kind.slug.equals(slug)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** One line of the report, as partner-service wrote it. */
    public record Line(String line, String key, String outcome, String reason) {
    }

    /** The report of one run: counts per outcome in a fixed order, and the lines shown. */
    public record Report(Kind kind, boolean dryRun, String fileName, Map<String, Long> counts, long total,
            List<Line> shown) {

        /** Lines other than unchanged ones that the page does not list (beyond {@link #MAX_SHOWN}). */
        public long notListed() {
            return total - counts.getOrDefault("unchanged", 0L) - shown.size();
        }

        public boolean refusedAny() {
            return counts.getOrDefault("refused", 0L) > 0;
        }
    }

    private final ImportsApi imports;

    ImportViews(@RestClient ImportsApi imports) {
        this.imports = imports;
    }

    /** The imports this viewer may run. */
    public List<Kind> offered(Viewer viewer) {
        return Arrays.stream(Kind.values())
                .filter(k -> k.role.equals(Viewer.TEAM) ? viewer.team() : viewer.staff()).toList();
    }

    /** Sends the file; the API's refusal of the whole file (no header row, not CSV) is its ApiProblem. */
    public Report run(Kind kind, boolean dryRun, File file, String fileName) {
        return read(kind, dryRun, fileName, report(kind, dryRun, file));
    }

    /**
     * Sends the file and answers partner-service's whole report as it wrote it (line, key, outcome, reason; its
     * cells neutralised against spreadsheet formulas); the refusal of the whole file is its ApiProblem.
     */
    public String report(Kind kind, boolean dryRun, File file) {
        return switch (kind) {
            case CONTACTS, PARTNERS -> imports.importFile(kind.slug, dryRun, file);
            case MEMBERSHIPS -> imports.importFile("partners", "memberships", dryRun, file);
        };
    }

    /** The name a downloaded report is saved under: {@code contacts-check-report.csv}. */
    public static String reportFileName(Kind kind, boolean dryRun) {
        return kind.slug + (dryRun ? "-check" : "-import") + "-report.csv";
    }

    /** The report's counts and the lines worth a look, refused first, in file order within an outcome. */
    static Report read(Kind kind, boolean dryRun, String fileName, String report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> counts.put(o, 0L));
        List<Line> shown = new ArrayList<>();
        long total = 0;
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(report)) {
            boolean header = true;
            while (rows.hasNextValue()) {
                String[] r = rows.nextValue();
                if (header) {
                    header = false;
                    continue;
                }
                if (r.length < 3) {
                    continue;
                }
                total++;
                String outcome = r[2].toLowerCase(Locale.ROOT);
                counts.merge(outcome, 1L, Long::sum);
                if (!outcome.equals("unchanged")) {
                    shown.add(new Line(r[0], r[1], outcome, r.length > 3 ? r[3] : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shown.sort(Comparator.comparingInt((Line l) -> rank(l.outcome())));
        return new Report(kind, dryRun, fileName, counts, total, List.copyOf(shown.subList(0,
                Math.min(shown.size(), MAX_SHOWN))));
    }

    private static int rank(String outcome) {
        int i = OUTCOMES.indexOf(outcome);
        return i < 0 ? OUTCOMES.size() : i;
    }
}

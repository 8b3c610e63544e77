package dev.trellis.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's table of problem types and the code cannot drift apart: every slug the sources can send (the
 * literal first argument of a StateConflict, RuleViolation, AccessDenied, ProblemException or BrokenRule, and the
 * fixed slugs of the platform calls they make) has its row, with the status and title the code gives it; and every
 * row of this service's own is one the code still sends.
 */
class ProblemTypesDocumentedTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path README = Path.of("README.md");
    private static final String HEADING = "### Problem types";

    /** Sent by platform on any route of the service, whatever the service's code does; documented, not scanned. */
    private static final Set<String> PLATFORM_ONLY = Set.of("validation", "unreadable-body", "unknown-parameter",
            "body-too-large", "method-not-allowed", "not-acceptable", "unsupported-media-type", "about:blank");

    private static final String LITERAL = "\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]+)\"";
    private static final Pattern DOMAIN_OF = Pattern.compile("\\b(StateConflict|RuleViolation)\\.of\\(" + LITERAL);
    private static final Pattern DOMAIN_NEW = Pattern.compile("\\bnew (StateConflict|RuleViolation|AccessDenied)\\("
            + LITERAL);
    private static final Pattern PROBLEM = Pattern.compile("\\bnew ProblemException\\(\\s*(\\d{3})\\s*," + LITERAL);
    private static final Pattern BROKEN_RULE = Pattern.compile("\\bnew BrokenRule\\(\\s*\"([^\"]+)\"");
    /** Every place a slug is given, literal or not: one the patterns above cannot read is a failure. */
    private static final Pattern ANY = Pattern.compile("\\b(StateConflict|RuleViolation)\\.of\\(|\\bnew "
            + "(StateConflict|RuleViolation|AccessDenied|ProblemException|BrokenRule)\\(");
    private static final Map<String, Integer> STATUS = Map.of("StateConflict", 409, "RuleViolation", 422,
            "AccessDenied", 403);

    /** Platform calls whose refusals carry a fixed slug (platform.domain, platform.paging, platform.patch). */
    private static final Map<Pattern, List<Row>> IMPLIED = Map.of(
            Pattern.compile("\\bNotFound\\.of\\(|\\bnew NotFound\\("),
            List.of(new Row("not-found", "404", "Not found")),
            Pattern.compile("\\bInvalidInput\\.|\\bnew InvalidInput\\(|\\bCursor\\.foreign\\(|\\bPageRequest\\.of\\("
                    + "|\\.decodedCursor\\(|\\bMergePatch\\.read\\("),
            List.of(new Row("invalid-request", "400", "Invalid request")),
            Pattern.compile("\\bVersions\\.requireMatch\\("),
            List.of(new Row("precondition-required", "428", "Precondition required"),
                    new Row("precondition-failed", "412", "Precondition failed")),
            Pattern.compile("\\.ownPartnerId\\(\\)"), List.of(new Row("no-partner", "403", "No partner organisation")),
            Pattern.compile("\\.requireUsername\\(\\)"), List.of(new Row("no-username", "403", "No username")));

    private record Row(String slug, String status, String title) {
    }

    private record Sent(Row row, String where) {
    }

    private static final List<Sent> SENT = new ArrayList<>();
    private static final Set<String> RULE_CODES = new TreeSet<>();
    private static final List<String> UNREADABLE = new ArrayList<>();
    private static final Map<String, Row> DOCUMENTED = new LinkedHashMap<>();

    @BeforeAll
    static void scan() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(ProblemTypesDocumentedTest::scan);
        }
        boolean inTable = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("#")) {
                inTable = line.startsWith(HEADING);
                continue;
            }
            if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String slug = cells[1].strip().replace("`", "");
                DOCUMENTED.put(slug, new Row(slug, cells[2].strip(), cells[3].strip()));
            }
        }
    }

    private static void scan(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = SOURCES.relativize(file).toString();
        int readable = 0;
        for (Pattern p : List.of(DOMAIN_OF, DOMAIN_NEW)) {
            Matcher m = p.matcher(source);
            while (m.find()) {
                SENT.add(new Sent(new Row(m.group(2), String.valueOf(STATUS.get(m.group(1))), m.group(3)), where));
                readable++;
            }
        }
        Matcher problem = PROBLEM.matcher(source);
        while (problem.find()) {
            SENT.add(new Sent(new Row(problem.group(2), problem.group(1), problem.group(3)), where));
            readable++;
        }
        Matcher rule = BROKEN_RULE.matcher(source);
        while (rule.find()) {
            RULE_CODES.add(rule.group(1));
            readable++;
        }
        long all = ANY.matcher(source).results().count();
        if (all != readable) {
            UNREADABLE.add(where + ": " + (all - readable) + " slug(s) not given as a string literal");
        }
        IMPLIED.forEach((call, rows) -> {
            if (call.matcher(source).find()) {
                rows.forEach(r -> SENT.add(new Sent(r, where)));
            }
        });
    }

    @Test
    void everySlugIsGivenAsALiteralSoThisTestCanSeeIt() {
        assertFalse(SENT.isEmpty(), "no slug found under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), UNREADABLE);
    }

    @Test
    void everyProblemTypeTheCodeSendsIsInTheReadmeWithItsStatusAndTitle() {
        Map<Row, Set<String>> sources = new LinkedHashMap<>();
        SENT.forEach(s -> sources.computeIfAbsent(s.row(), r -> new TreeSet<>()).add(s.where()));
        List<String> wrong = new ArrayList<>();
        sources.forEach((row, where) -> {
            Row doc = DOCUMENTED.get(row.slug());
            if (doc == null) {
                wrong.add(row + " (sent from " + where + ") has no row under '" + HEADING + "'");
            } else if (!doc.equals(row)) {
                wrong.add(row + " (sent from " + where + ") is documented as " + doc);
            }
        });
        for (String code : RULE_CODES) {
            if (!DOCUMENTED.containsKey(code)) {
                wrong.add("rule " + code + " has no row under '" + HEADING + "'");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRowOfTheServicesOwnIsStillSentByTheCode() {
        Set<String> sent = new TreeSet<>(RULE_CODES);
        SENT.forEach(s -> sent.add(s.row().slug()));
        List<String> stale = DOCUMENTED.keySet().stream()
                .filter(slug -> !PLATFORM_ONLY.contains(slug) && !sent.contains(slug)).toList();
        assertEquals(List.of(), stale, "README rows no code sends any more");
    }
}

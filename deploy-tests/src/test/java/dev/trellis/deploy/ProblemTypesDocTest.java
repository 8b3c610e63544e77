package dev.trellis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's table of problem types and the code agree: every type a service or the platform can send
 * is in the table, and every type in the table is sent somewhere. Seat-policy rule ids (the type of a
 * refused appointment is its first broken rule) are read from advisory-service's policy engine.
 */
class ProblemTypesDocTest {
    /** A slug given to a domain exception, a ProblemException or a Problem built by hand. */
    private static final Pattern IN_CODE = Pattern.compile(
            "(?:(?:StateConflict|RuleViolation)\\.of|new (?:StateConflict|RuleViolation|AccessDenied)"
                    + "|ProblemException\\.conflict|super)\\(\\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\""
                    + "|new (?:ProblemException|StaleVersion)\\(\\s*\\w+,\\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");
    /** Problem.type(...) with every slug literal in its argument (it may choose one: {@code a ? "x" : "y"}). */
    private static final Pattern PROBLEM_TYPE = Pattern.compile("Problem\\.type\\(([^;]*?)\\)[,;]");
    private static final Pattern SLUG = Pattern.compile("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");
    /** A rule id of the seat-policy engine: the first argument of a Violation. */
    private static final Pattern POLICY_RULE = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"");
    /** The first cell of a row of the problem table: one or more backticked types. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| ((?:`[a-z:][a-z0-9:-]*`(?:, )?)+) \\|", Pattern.MULTILINE);
    private static final Pattern TICKED = Pattern.compile("`([a-z:][a-z0-9:-]*)`");

    @Test
    void theProblemTableListsExactlyTheTypesTheCodeSends() {
        Set<String> sent = new TreeSet<>();
        Set<String> policyRules = new TreeSet<>();
        for (String module : new String[] {"platform", "partner-service", "advisory-service", "event-service", "webhook-service"}) {
            try (Stream<Path> files = Files.walk(Repo.path(module + "/src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String code = Repo.read(f);
                    Matcher m = IN_CODE.matcher(code);
                    while (m.find()) {
                        sent.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                    Matcher type = PROBLEM_TYPE.matcher(code);
                    while (type.find()) {
                        Matcher slug = SLUG.matcher(type.group(1));
                        while (slug.find()) {
                            sent.add(slug.group(1));
                        }
                    }
                    if (f.toString().contains("/domain/policy/")) {
                        Matcher rule = POLICY_RULE.matcher(code);
                        while (rule.find()) {
                            policyRules.add(rule.group(1));
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(Repo.read(Repo.path("docs/api.md")));
        while (row.find()) {
            Matcher ticked = TICKED.matcher(row.group(1));
            while (ticked.find()) {
                documented.add(ticked.group(1));
            }
        }
        assertTrue(sent.size() > 20, "the scan found the types the code sends: " + sent);

        Set<String> undocumented = new TreeSet<>(sent);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "sent but missing from docs/api.md's problem table");

        Set<String> neverSent = new TreeSet<>(documented);
        neverSent.removeAll(sent);
        neverSent.removeAll(policyRules);
        neverSent.remove("about:blank");
        assertEquals(Set.of(), neverSent, "in docs/api.md's problem table but sent by no code");
    }
}

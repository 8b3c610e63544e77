package dev.trellis.platform.testing.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The audit proof of a service's write routes: the write routes (POST, PUT, PATCH, DELETE) of the role matrix in
 * docs/security.md that a service serves, each with a scenario that makes a valid write as a caller of its own
 * name; the trail must then hold an entry by exactly that caller. A route without a scenario fails the suite.
 */
public final class WriteRoutes {
    private static final Pattern ROW = Pattern.compile("^\\| `((?:POST|PUT|PATCH|DELETE) (/api/[^`]*))` \\|");

    private WriteRoutes() {
    }

    /** A valid write through the route as {@code token}; the test gets the token of a caller of a fresh name. */
    @FunctionalInterface
    public interface Scenario {
        void write(Actor actor);

        /** True for a POST that computes an answer and changes nothing (what-if): it must leave no entry. */
        default boolean changesNothing() {
            return false;
        }

        /** For a route anyone may call without a token: the entity type its write must leave anonymous entries on. */
        default String anonymousEntityType() {
            return null;
        }
    }

    /** The caller a scenario writes as: a fresh username, with the roles (and partner) the route allows. */
    public record Actor(String username) {
        public String token(String... roles) {
            return TestTokens.token(username, List.of(roles), null);
        }

        public String partnerToken(String partnerId) {
            return TestTokens.token(username, List.of("partner"), partnerId);
        }
    }

    /** The write routes of the role matrix whose path starts with one of {@code prefixes}. */
    public static TreeSet<String> ofMatrix(String... prefixes) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("..", "docs", "security.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> routes = new TreeSet<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.find() && Stream.of(prefixes).anyMatch(p -> row.group(2).startsWith(p))) {
                routes.add(row.group(1));
            }
        }
        return routes;
    }

    /**
     * One test per scenario: it writes as a fresh user and finds that user's entries in the trail at
     * {@code auditPath}, every one of kind {@code user}. First checks that the scenarios are exactly the routes.
     */
    public static Stream<DynamicTest> prove(String auditPath, Map<String, Scenario> scenarios, String... prefixes) {
        DynamicTest complete = DynamicTest.dynamicTest("every write route of the role matrix has a scenario",
                () -> assertEquals(ofMatrix(prefixes), new TreeSet<>(scenarios.keySet())));
        return Stream.concat(Stream.of(complete), scenarios.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey() + " leaves an audit entry naming its caller", () -> {
                    String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
                    Instant before = Instant.now().minusSeconds(1);
                    e.getValue().write(new Actor(username));
                    String anonymousType = e.getValue().anonymousEntityType();
                    if (anonymousType != null) {
                        List<String> anonymousKinds = given().auth().oauth2(TestTokens.foundationStaff())
                                .queryParam("entityType", anonymousType).queryParam("from", before.toString())
                                .get(auditPath).then().statusCode(200).extract().jsonPath().getList("items.actorKind");
                        assertTrue(anonymousKinds.contains("anonymous"), e.getKey() + " left no anonymous entry on "
                                + anonymousType + ": " + anonymousKinds);
                        return;
                    }
                    JsonPath entries = given().auth().oauth2(TestTokens.foundationStaff())
                            .queryParam("actor", username).queryParam("from", before.toString())
                            .get(auditPath).then().statusCode(200).extract().jsonPath();
                    List<String> kinds = entries.getList("items.actorKind");
                    if (e.getValue().changesNothing()) {
                        assertEquals(List.of(), kinds, e.getKey() + " changes nothing, so it leaves no entry");
                        return;
                    }
                    assertFalse(kinds.isEmpty(), e.getKey() + " left no audit entry by " + username);
                    assertEquals(List.of("user"), kinds.stream().distinct().toList());
                })));
    }

    /** Shorthand for scenarios written inline. */
    public static Scenario scenario(Consumer<Actor> write) {
        return write::accept;
    }

    /** A route called without a token: its write must leave an entry by an anonymous caller on {@code entityType}. */
    public static Scenario anonymous(String entityType, Runnable write) {
        return new Scenario() {
            @Override
            public void write(Actor actor) {
                write.run();
            }

            @Override
            public String anonymousEntityType() {
                return entityType;
            }
        };
    }

    /** A route that answers a question and changes nothing: the proof is that it leaves no entry. */
    public static Scenario changesNothing(Consumer<Actor> call) {
        return new Scenario() {
            @Override
            public void write(Actor actor) {
                call.accept(actor);
            }

            @Override
            public boolean changesNothing() {
                return true;
            }
        };
    }
}

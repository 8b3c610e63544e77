package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Partner A (paula) tries to read or change partner B's data by id, by list and by filter, through
 * the gateway and directly on partner-service's port. Every attempt is denied or comes back without
 * B's data, and B's records read back unchanged afterwards.
 */
class IsolationIT {
    private static final String B = Stack.PARTNER_B.toString();
    private static String contactOfB;

    /** Where partner A may go: through the gateway, and around it straight to the service. */
    private static final Map<String, URI> ENTRANCES = Map.of(
            "gateway", Stack.GATEWAY,
            "partner-service", Stack.PARTNER_SERVICE);

    @BeforeAll
    static void findBsContact() {
        contactOfB = Http.get(Caller.PARTNER_B, Stack.GATEWAY.resolve("/api/partners/me/contacts"))
                .json().get("items").get(0).get("id").asText();
    }

    @TestFactory
    Stream<DynamicTest> partnerACannotReadPartnerBsDataById() {
        List<String> paths = List.of(
                "/api/partners/" + B,
                "/api/partners/" + B + "/membership",
                "/api/partners/" + B + "/membership/key-contacts",
                "/api/partners/" + B + "/membership/history",
                "/api/partners/" + B + "/touchpoints",
                "/api/partners/" + B + "/affiliations",
                "/api/partners/" + B + "/portal-users",
                "/api/partners/me/contacts/" + contactOfB,
                "/api/contacts/" + contactOfB);
        return each(paths, (entrance, path) -> {
            Http.Response r = Http.get(Caller.PARTNER_A, entrance.resolve(path));
            assertTrue(r.status() == 403 || r.status() == 404, path + ": " + r);
            assertFalse(r.body().contains("Borealis"), path + " leaks B: " + r);
        });
    }

    @TestFactory
    Stream<DynamicTest> partnerASeesNoneOfBInListsAndFilters() {
        List<String> paths = List.of(
                "/api/partners",
                "/api/partners?q=borealis",
                "/api/partners?q=Borealis%20Systems",
                "/api/partners?status=ACTIVE",
                "/api/partners?limit=200",
                "/api/partners/me/contacts",
                "/api/partners/me/contacts?limit=200");
        return each(paths, (entrance, path) -> {
            Http.Response r = Http.get(Caller.PARTNER_A, entrance.resolve(path));
            assertEquals(200, r.status(), path + ": " + r);
            assertFalse(r.body().contains(B), path + " lists B: " + r);
            assertFalse(r.body().contains(contactOfB), path + " lists B's contact: " + r);
            assertFalse(r.body().contains("Borealis"), path + " names B: " + r);
        });
    }

    @TestFactory
    Stream<DynamicTest> partnerACannotChangePartnerBsData() {
        return ENTRANCES.entrySet().stream().map(e -> DynamicTest.dynamicTest("writes through " + e.getKey(), () -> {
            URI base = e.getValue();
            JsonNode profileBefore = Http.get(Caller.STAFF, Stack.GATEWAY.resolve("/api/partners/" + B)).json();
            JsonNode contactBefore = Http.get(Caller.PARTNER_B, Stack.GATEWAY.resolve("/api/partners/me/contacts/" + contactOfB)).json();
            String etag = "\"" + profileBefore.path("version").asText("0") + "\"";

            List<Http.Response> attempts = List.of(
                    Http.call(Caller.PARTNER_A, "PATCH", base.resolve("/api/partners/" + B),
                            "{\"description\":\"owned by A\"}", Map.of("If-Match", etag)),
                    Http.call(Caller.PARTNER_A, "PATCH", base.resolve("/api/partners/me/contacts/" + contactOfB),
                            "{\"jobTitle\":\"owned by A\"}", Map.of("If-Match", "*")),
                    Http.call(Caller.PARTNER_A, "POST", base.resolve("/api/partners/" + B + "/lifecycle-changes"),
                            "{\"status\":\"LAPSED\",\"reason\":\"A says so\"}", Map.of("If-Match", etag)),
                    Http.call(Caller.PARTNER_A, "POST", base.resolve("/api/partners/" + B + "/touchpoints"), "{}"),
                    Http.call(Caller.PARTNER_A, "POST", base.resolve("/api/partners/" + B + "/membership/end"),
                            "{\"endDate\":\"2026-12-01\"}", Map.of("If-Match", "*")));
            for (Http.Response r : attempts) {
                assertTrue(r.status() == 403 || r.status() == 404, "a write on B's data: " + r);
            }
            assertEquals(profileBefore, Http.get(Caller.STAFF, Stack.GATEWAY.resolve("/api/partners/" + B)).json(),
                    "B's profile changed");
            assertEquals(contactBefore,
                    Http.get(Caller.PARTNER_B, Stack.GATEWAY.resolve("/api/partners/me/contacts/" + contactOfB)).json(),
                    "B's contact changed");
        }));
    }

    private interface Check {
        void run(URI entrance, String path);
    }

    private static Stream<DynamicTest> each(List<String> paths, Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        ENTRANCES.forEach((name, entrance) -> paths.forEach(path ->
                tests.add(DynamicTest.dynamicTest(path + " via " + name, () -> check.run(entrance, path)))));
        return tests.stream();
    }
}

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

    /**
     * insights-service knows every partner: a partner user reaches none of it but its own value report, through the
     * gateway or on its port.
     */
    @TestFactory
    Stream<DynamicTest> partnerAReachesNoInsightsOfAnyPartner() {
        List<String> paths = List.of("/api/insights/at-risk", "/api/insights/at-risk?tier=GOLD",
                "/api/insights/partners/" + B + "/timeline", "/api/insights/partners/" + B + "/health",
                "/api/insights/partners/" + B + "/value",
                "/api/insights/partners/" + Stack.PARTNER_A + "/timeline", "/api/insights/partners/" + Stack.PARTNER_A + "/health");
        List<DynamicTest> tests = new ArrayList<>();
        for (URI entrance : List.of(Stack.GATEWAY, Stack.INSIGHTS_SERVICE)) {
            for (String path : paths) {
                tests.add(DynamicTest.dynamicTest(path + " via " + entrance, () -> {
                    Http.Response r = Http.get(Caller.PARTNER_A, entrance.resolve(path));
                    assertEquals(403, r.status(), path + ": " + r);
                    assertFalse(r.body().contains("Borealis") || r.body().contains("score"), path + " leaks: " + r);
                }));
            }
        }
        return tests.stream();
    }

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

    /**
     * Partner B's registrations, sponsorships and board seats, found by staff: partner A must not see
     * them in any list, nor by id, on the gateway or on event-service's and advisory-service's ports.
     */
    @TestFactory
    Stream<DynamicTest> partnerACannotSeePartnerBsRegistrationsSponsorshipsOrSeats() {
        List<String> byId = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (JsonNode event : Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/events?limit=200")).json().get("items")) {
            String e = "/api/events/" + event.get("id").asText();
            for (String kind : List.of("/registrations", "/sponsorships")) {
                List<String> ofB = idsOfB(Caller.TEAM, e + kind);
                if (!ofB.isEmpty()) {
                    lists.add(e + kind);
                    byId.add(e + kind + "/" + ofB.get(0));
                }
            }
        }
        for (JsonNode board : Http.get(Caller.STAFF, Stack.GATEWAY.resolve("/api/boards")).json().get("items")) {
            String seats = "/api/boards/" + board.get("id").asText() + "/seats";
            List<String> ofB = idsOfB(Caller.STAFF, seats);
            if (!ofB.isEmpty()) {
                lists.add(seats);
                byId.add(seats + "/" + ofB.get(0));
            }
        }
        // The demo data gives partner B at least a registration, a sponsorship and a seat.
        assertTrue(lists.stream().anyMatch(l -> l.endsWith("/registrations")), "no registration of B in the demo data");
        assertTrue(lists.stream().anyMatch(l -> l.endsWith("/sponsorships")), "no sponsorship of B in the demo data");
        assertTrue(lists.stream().anyMatch(l -> l.endsWith("/seats")), "no seat of B in the demo data");

        Map<String, URI> entrances = Map.of("gateway", Stack.GATEWAY,
                "event-service", Stack.EVENT_SERVICE, "advisory-service", Stack.ADVISORY_SERVICE);
        List<DynamicTest> tests = new ArrayList<>();
        entrances.forEach((name, base) -> {
            boolean events = !name.equals("advisory-service");
            boolean boards = !name.equals("event-service");
            for (String list : lists) {
                if (list.startsWith("/api/events") ? events : boards) {
                    tests.add(DynamicTest.dynamicTest(list + " via " + name, () -> {
                        Http.Response r = Http.get(Caller.PARTNER_A, base.resolve(list));
                        assertEquals(200, r.status(), r.toString());
                        assertFalse(r.body().contains(B), list + " shows B: " + r);
                    }));
                }
            }
            for (String one : byId) {
                if (one.startsWith("/api/events") ? events : boards) {
                    tests.add(DynamicTest.dynamicTest(one + " via " + name, () -> {
                        Http.Response r = Http.get(Caller.PARTNER_A, base.resolve(one));
                        assertTrue(r.status() == 403 || r.status() == 404, one + ": " + r);
                        assertFalse(r.body().contains(B), one + " shows B: " + r);
                    }));
                }
            }
        });
        for (String one : byId) {
            if (one.contains("/registrations/")) {
                tests.add(DynamicTest.dynamicTest("cancelling B's registration " + one, () -> {
                    JsonNode before = Http.get(Caller.TEAM, Stack.GATEWAY.resolve(one)).json();
                    for (URI base : List.of(Stack.GATEWAY, Stack.EVENT_SERVICE)) {
                        Http.Response r = Http.call(Caller.PARTNER_A, "DELETE", base.resolve(one), null);
                        assertTrue(r.status() == 403 || r.status() == 404, one + ": " + r);
                    }
                    assertEquals(before, Http.get(Caller.TEAM, Stack.GATEWAY.resolve(one)).json(), "B's registration changed");
                }));
            }
        }
        return tests.stream();
    }

    private static List<String> idsOfB(Caller reader, String listPath) {
        List<String> ids = new ArrayList<>();
        Http.Response r = Http.get(reader, Stack.GATEWAY.resolve(listPath + "?limit=200"));
        assertEquals(200, r.status(), listPath + ": " + r);
        JsonNode body = r.json();
        for (JsonNode item : body.isArray() ? body : body.get("items")) {
            if (B.equals(item.path("partnerId").asText())) {
                ids.add(item.get("id").asText());
            }
        }
        return ids;
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

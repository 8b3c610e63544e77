package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route × method × caller through the gateway, with real Keycloak tokens: the table below is
 * the role matrix, and docs/security.md publishes the same table (checked by
 * {@link #docsPublishTheMatrix()}).
 *
 * <p>A cell is the status a caller must get: 401 or 403 (the gateway's or the service's role check),
 * 404 where a service hides what is not the caller's, or {@code ok}: the caller passes every role check,
 * so the answer is neither 401 nor 403 nor a 5xx (a GET of a collection must be 200; a write carries an
 * empty or invalid body, so it is refused by validation, 400/404/412/422/428, and changes nothing).
 */
class RoleMatrixIT {
    private static final String OK = "ok";
    private static final UUID NONE = UUID.fromString("00000000-0000-4000-8000-00000000dead");
    private static final UUID GOVERNING_BOARD = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000001");

    /** route, then the expected cell for anonymous, community-team, foundation-staff, partner A, partner B. */
    private static final List<Row> MATRIX = List.of(
            // partner-service: organisations
            row("GET /api/partners", 401, OK, OK, OK, OK),
            row("POST /api/partners", 401, OK, 403, 403, 403),
            row("GET /api/partners/{A}", 401, OK, OK, OK, 403),
            row("PATCH /api/partners/{A}", 401, OK, 403, 403, 403),
            row("POST /api/partners/{A}/lifecycle-changes", 401, OK, OK, 403, 403),
            row("GET /api/partners/members-per-tier", 401, OK, OK, 403, 403),
            row("GET /api/partners/me", 401, 403, 403, OK, OK),
            row("PATCH /api/partners/me", 401, 403, 403, OK, OK),
            row("GET /api/partners/me/contacts", 401, 403, 403, OK, OK),
            row("GET /api/partners/me/contacts/{contactOfA}", 401, 403, 403, OK, 404),
            row("PATCH /api/partners/me/contacts/{contactOfA}", 401, 403, 403, OK, 404),
            row("GET /api/partners/{A}/affiliations", 401, OK, OK, 403, 403),
            row("GET /api/partners/{A}/overview", 401, OK, OK, 403, 403),
            // partner-service: membership and key contacts
            row("GET /api/partners/{A}/membership", 401, OK, OK, OK, 403),
            row("PUT /api/partners/{A}/membership", 401, 403, OK, 403, 403),
            row("POST /api/partners/{A}/membership/renewals", 401, 403, OK, 403, 403),
            row("POST /api/partners/{A}/membership/tier-changes", 401, 403, OK, 403, 403),
            row("POST /api/partners/{A}/membership/end", 401, 403, OK, 403, 403),
            row("GET /api/partners/{A}/membership/history", 401, OK, OK, 403, 403),
            row("GET /api/partners/{A}/membership/key-contacts", 401, OK, OK, OK, 403),
            row("PUT /api/partners/{A}/membership/key-contacts/{badRole}", 401, 403, OK, 403, 403),
            row("DELETE /api/partners/{A}/membership/key-contacts/{badRole}", 401, 403, OK, 403, 403),
            // partner-service: touchpoints and portal users (internal to the foundation)
            row("GET /api/partners/{A}/touchpoints", 401, OK, OK, 403, 403),
            row("POST /api/partners/{A}/touchpoints", 401, OK, 403, 403, 403),
            row("GET /api/touchpoints/{none}", 401, OK, OK, 403, 403),
            row("PATCH /api/touchpoints/{none}", 401, OK, 403, 403, 403),
            row("POST /api/touchpoints/{none}/next-steps", 401, OK, 403, 403, 403),
            row("GET /api/touchpoints/next-steps", 401, OK, OK, 403, 403),
            row("GET /api/touchpoints/next-steps/{none}", 401, OK, OK, 403, 403),
            row("PATCH /api/touchpoints/next-steps/{none}", 401, OK, 403, 403, 403),
            row("GET /api/partners/{A}/portal-users", 401, OK, OK, 403, 403),
            row("POST /api/partners/{A}/portal-users", 401, OK, 403, 403, 403),
            row("GET /api/partners/{A}/portal-users/{none}", 401, OK, OK, 403, 403),
            row("DELETE /api/partners/{A}/portal-users/{none}", 401, OK, 403, 403, 403),
            row("GET /api/partners/{A}/clients", 401, OK, OK, 403, 403),
            row("POST /api/partners/{A}/clients", 401, OK, 403, 403, 403),
            row("DELETE /api/partners/{A}/clients/{none}", 401, OK, 403, 403, 403),
            // partner-service: contacts (personal data; foundation only)
            row("GET /api/contacts", 401, OK, OK, 403, 403),
            row("POST /api/contacts", 401, OK, 403, 403, 403),
            row("GET /api/contacts/{contactOfA}", 401, OK, OK, 403, 403),
            row("PATCH /api/contacts/{contactOfA}", 401, OK, 403, 403, 403),
            row("PUT /api/contacts/{contactOfA}/consents/{badRole}", 401, OK, 403, 403, 403),
            row("POST /api/contacts/{contactOfA}/affiliations", 401, OK, 403, 403, 403),
            row("GET /api/contacts/{contactOfA}/affiliations/{none}", 401, OK, OK, 403, 403),
            row("POST /api/contacts/{contactOfA}/affiliations/{none}/end", 401, OK, 403, 403, 403),
            row("POST /api/contacts/{contactOfA}/moves", 401, OK, 403, 403, 403),
            // the suite's JSON body is no CSV: the permitted caller gets 415, and nothing is imported
            row("POST /api/contacts/imports", 401, OK, 403, 403, 403),
            row("POST /api/partners/imports", 401, OK, 403, 403, 403),
            row("POST /api/partners/memberships/imports", 401, 403, OK, 403, 403),
            // erasure is irreversible: the permitted caller gets 404 for an unknown contact, and no demo contact is erased
            row("POST /api/contacts/{none}/erasure", 401, 403, OK, 403, 403),
            row("GET /api/contacts/{none}/erasure", 401, 403, OK, 403, 403),
            // an empty body: 400 for foundation staff, so no request is made
            row("POST /api/erasure-requests", 401, 403, OK, 403, 403),
            row("GET /api/erasure-requests/{none}", 401, 403, OK, 403, 403),
            // partner-service: one-click unsubscribe from a mail (no login; {none} is no token: 400)
            row("GET /api/contacts/unsubscribe?token={none}", OK, OK, OK, OK, OK),
            row("POST /api/contacts/unsubscribe?token={none}", OK, OK, OK, OK, OK),
            // advisory-service: boards, policies, seats (a partner sees its own seats and the public composition)
            row("GET /api/boards", 401, OK, OK, 403, 403),
            row("POST /api/boards", 401, 403, OK, 403, 403),
            row("POST /api/boards/what-if", 401, OK, OK, 403, 403),
            row("GET /api/boards/{board}", 401, OK, OK, 403, 403),
            row("GET /api/boards/{board}/policy", 401, OK, OK, 403, 403),
            row("PUT /api/boards/{board}/policy", 401, 403, OK, 403, 403),
            row("GET /api/boards/{board}/seats", 401, OK, OK, OK, OK),
            row("POST /api/boards/{board}/seats", 401, 403, OK, 403, 403),
            row("GET /api/boards/{board}/seats/{none}", 401, OK, OK, OK, OK),
            row("POST /api/boards/{board}/seats/{none}/vacate", 401, 403, OK, 403, 403),
            row("GET /api/boards/{board}/overrides", 401, OK, OK, 403, 403),
            row("GET /api/boards/{board}/compliance", 401, OK, OK, 403, 403),
            row("GET /api/boards/{board}/succession", 401, OK, OK, 403, 403),
            row("GET /api/boards/{board}/composition", 401, OK, OK, OK, OK),
            row("GET /api/board-compositions", 401, OK, OK, OK, OK),
            // advisory-service: meetings (writes go to a meeting that does not exist: nothing changes)
            // Partner users read the meetings of boards their organisation holds a seat on (both demo partners do).
            row("GET /api/boards/{board}/meetings", 401, OK, OK, OK, OK),
            row("POST /api/boards/{board}/meetings", 401, 403, OK, 403, 403),
            row("GET /api/boards/{board}/meetings/{meeting}", 401, OK, OK, OK, OK),
            row("GET /api/boards/{board}/meetings/{meeting}/attendance", 401, OK, OK, 403, 403),
            row("PUT /api/boards/{board}/meetings/{none}/attendance", 401, 403, OK, 403, 403),
            row("GET /api/boards/{board}/meetings/{meeting}/resolutions", 401, OK, OK, 403, 403),
            row("POST /api/boards/{board}/meetings/{none}/resolutions", 401, 403, OK, 403, 403),
            row("POST /api/boards/{board}/meetings/{none}/close", 401, 403, OK, 403, 403),
            row("GET /api/boards/{board}/calendar.ics", 401, OK, OK, OK, OK),
            // Private calendar feeds: each caller lists and revokes their own (staff all); making one is in CalendarFeedIT,
            // since a write here must change nothing. The secret address needs no token; a wrong one is a 404 for all.
            row("GET /api/boards/{board}/calendar-feeds", 401, OK, OK, OK, OK),
            row("GET /api/boards/{board}/calendar-feeds/{none}", 401, OK, OK, OK, OK),
            row("DELETE /api/boards/{board}/calendar-feeds/{none}", 401, OK, OK, OK, OK),
            row("GET /api/boards/calendar-feeds/{none}.ics", 404, 404, 404, 404, 404),
            // insights-service: staff only; partners never see scores, reasons or timelines
            row("GET /api/insights/at-risk", 401, OK, OK, 403, 403),
            row("GET /api/insights/partners/{A}/timeline", 401, OK, OK, 403, 403),
            row("GET /api/insights/partners/{A}/health", 401, OK, OK, 403, 403),
            row("GET /api/insights/partners/{A}/overview", 401, OK, OK, 403, 403),
            row("GET /api/insights/level-playing-field", 401, OK, OK, 403, 403),
            row("GET /api/insights/growth-leads", 401, OK, OK, 403, 403),
            // ...but a partner reads its own value report (what its membership gave it; no score, no notes)
            row("GET /api/insights/partners/me/value", 401, 403, 403, OK, OK),
            row("GET /api/insights/partners/{A}/value", 401, OK, OK, OK, 403),
            // webhook-service: staff any subscription, a partner its own (another's is a 404); writes name no subscription
            // or carry an empty body (400): nothing changes
            row("GET /api/webhooks", 401, OK, OK, OK, OK),
            row("POST /api/webhooks", 401, OK, OK, OK, OK),
            row("GET /api/webhooks/{none}", 401, OK, OK, OK, OK),
            row("PUT /api/webhooks/{none}", 401, OK, OK, OK, OK),
            row("DELETE /api/webhooks/{none}", 401, OK, OK, OK, OK),
            row("POST /api/webhooks/{none}/secret/rotation", 401, OK, OK, OK, OK),
            row("GET /api/webhooks/{none}/deliveries", 401, OK, OK, OK, OK),
            row("GET /api/webhooks/{none}/deliveries/{none}", 401, OK, OK, OK, OK),
            row("POST /api/webhooks/{none}/deliveries/{none}/redelivery", 401, OK, OK, OK, OK),
            // event-service: events, feeds and user groups are public to read
            row("GET /api/events", OK, OK, OK, OK, OK),
            row("POST /api/events", 401, OK, 403, 403, 403),
            row("GET /api/events/{event}", OK, OK, OK, OK, OK),
            row("PATCH /api/events/{event}", 401, OK, 403, 403, 403),
            row("POST /api/events/{event}/status-changes", 401, OK, 403, 403, 403),
            row("GET /api/events/{event}/calendar.ics", OK, OK, OK, OK, OK),
            row("GET /api/calendar/events.ics", OK, OK, OK, OK, OK),
            row("GET /api/user-groups", OK, OK, OK, OK, OK),
            row("POST /api/user-groups", 401, OK, 403, 403, 403),
            row("GET /api/user-groups/{group}", OK, OK, OK, OK, OK),
            row("PATCH /api/user-groups/{group}", 401, OK, 403, 403, 403),
            row("GET /api/user-groups/{group}/calendar.ics", OK, OK, OK, OK, OK),
            // event-service: registrations (a partner registers its own contacts and sees its own company's)
            row("GET /api/events/{event}/registrations", 401, OK, OK, OK, OK),
            row("POST /api/events/{event}/registrations", 401, OK, 403, OK, OK),
            row("GET /api/events/{event}/registrations/{none}", 401, OK, OK, OK, OK),
            // event-service looks a registration up before it knows who may cancel it (a guest with its
            // cancel token, its own partner, the community team); its AccessRulesTest covers real ones.
            row("DELETE /api/events/{event}/registrations/{none}", 404, OK, 404, OK, OK),
            // event-service: public sign-up (any caller; the suite's events do not allow it, so 400/422)
            row("POST /api/events/{event}/sign-ups", OK, OK, OK, OK, OK),
            row("GET /api/events/{event}/sign-ups/confirmation?token={none}", OK, OK, OK, OK, OK),
            row("POST /api/events/{event}/sign-ups/confirmation", OK, OK, OK, OK, OK),
            row("POST /api/events/{event}/check-ins", 401, OK, 403, 403, 403),
            row("DELETE /api/events/{event}/check-ins/{none}", 401, OK, 403, 403, 403),
            // event-service: sponsorships
            row("GET /api/events/{event}/sponsorships", 401, OK, OK, OK, OK),
            row("POST /api/events/{event}/sponsorships", 401, OK, 403, 403, 403),
            row("GET /api/events/{event}/sponsorships/{none}", 401, OK, OK, OK, OK),
            row("POST /api/events/{event}/sponsorships/{none}/confirmation", 401, OK, 403, 403, 403),
            row("DELETE /api/events/{event}/sponsorships/{none}", 401, OK, 403, 403, 403),
            // each service's audit trail: staff only
            row("GET /api/audit/partner", 401, OK, OK, 403, 403),
            row("GET /api/audit/advisory", 401, OK, OK, 403, 403),
            row("GET /api/audit/event", 401, OK, OK, 403, 403),
            row("GET /api/privacy/partner/subjects?email=nobody@example.org", 401, 403, OK, 403, 403),
            row("GET /api/privacy/advisory/subjects?email=nobody@example.org", 401, 403, OK, 403, 403),
            row("GET /api/privacy/event/subjects?email=nobody@example.org", 401, 403, OK, 403, 403),
            // each service's retention run log: foundation staff only
            row("GET /api/privacy/partner/retention-runs", 401, 403, OK, 403, 403),
            row("GET /api/privacy/advisory/retention-runs", 401, 403, OK, 403, 403),
            row("GET /api/privacy/event/retention-runs", 401, 403, OK, 403, 403),
            row("GET /api/privacy/insights/retention-runs", 401, 403, OK, 403, 403),
            row("GET /api/privacy/webhook/retention-runs", 401, 403, OK, 403, 403));

    private static Map<String, String> ids;

    @BeforeAll
    static void resolveIds() {
        String contactOfA = Http.get(Caller.PARTNER_A, Stack.GATEWAY.resolve("/api/partners/me/contacts"))
                .json().get("items").get(0).get("id").asText();
        String event = Http.get(Caller.ANONYMOUS, Stack.GATEWAY.resolve("/api/events"))
                .json().get("items").get(0).get("id").asText();
        String group = Http.get(Caller.ANONYMOUS, Stack.GATEWAY.resolve("/api/user-groups"))
                .json().get("items").get(0).get("id").asText();
        String meeting = Http.get(Caller.STAFF, Stack.GATEWAY.resolve("/api/boards/" + GOVERNING_BOARD + "/meetings"))
                .json().get("items").get(0).get("id").asText();
        ids = Map.of(
                "{meeting}", meeting,
                "{group}", group,
                "{A}", Stack.PARTNER_A.toString(),
                "{contactOfA}", contactOfA,
                "{none}", NONE.toString(),
                "{badRole}", "no-such-role",
                "{board}", GOVERNING_BOARD.toString(),
                "{event}", event);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteMethodAndCallerGetsTheExpectedStatus() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : MATRIX) {
            for (int i = 0; i < Caller.values().length; i++) {
                Caller caller = Caller.values()[i];
                String expected = row.cells().get(i);
                tests.add(DynamicTest.dynamicTest(row.route() + " as " + caller.label + " -> " + expected,
                        () -> check(row, caller, expected)));
            }
        }
        return tests.stream();
    }

    private static void check(Row row, Caller caller, String expected) {
        String path = row.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        String body = switch (row.method()) {
            case "GET", "DELETE" -> null;
            default -> "{}";
        };
        Http.Response response = Http.call(caller, row.method(), URI.create(Stack.GATEWAY + path), body);
        String where = row.route() + " as " + caller.label + ": " + response;
        if (expected.equals(OK)) {
            assertTrue(response.status() != 401 && response.status() != 403 && response.status() < 500,
                    "must pass the role checks: " + where);
            if (row.method().equals("GET") && !path.contains(NONE.toString())) {
                assertEquals(200, response.status(), where);
            }
        } else {
            assertEquals(Integer.parseInt(expected), response.status(), where);
            assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"),
                    "a refusal is problem+json: " + where);
        }
    }

    @Test
    void docsPublishTheMatrix() throws IOException {
        StringBuilder table = new StringBuilder("| route |");
        for (Caller c : Caller.values()) {
            table.append(' ').append(c.label).append(" |");
        }
        table.append("\n|---|");
        table.append("---|".repeat(Caller.values().length)).append('\n');
        for (Row row : MATRIX) {
            table.append("| `").append(row.route()).append("` |");
            for (String cell : row.cells()) {
                table.append(' ').append(cell.equals(OK) ? "ok" : cell).append(" |");
            }
            table.append('\n');
        }
        Path root = Path.of(System.getProperty("trellis.repo.root", ".."));
        Path rendered = root.resolve("e2e/target/role-matrix.md");
        Files.createDirectories(rendered.getParent());
        Files.writeString(rendered, table);
        String docs = Files.readString(root.resolve("docs/security.md"));
        assertTrue(docs.contains(table),
                "docs/security.md must hold the role matrix exactly as tested; copy it from " + rendered);
    }

    private record Row(String route, List<String> cells) {
        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        String path() {
            return route.substring(route.indexOf(' ') + 1);
        }
    }

    private static Row row(String route, Object... cells) {
        return new Row(route, Stream.of(cells).map(String::valueOf).toList());
    }
}

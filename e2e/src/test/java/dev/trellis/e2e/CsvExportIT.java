package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CSV exports (issue 20) through the gateway with real tokens: the same visibility as the JSON lists, the same
 * refusals, and nothing of another partner in a partner's file.
 */
class CsvExportIT {
    private static final Map<String, String> CSV = Map.of("Accept", "text/csv");

    private static URI api(String path) {
        return Stack.GATEWAY.resolve(path);
    }

    private static Http.Response csv(Caller caller, String path) {
        return Http.call(caller, "GET", api(path), null, CSV);
    }

    @Test
    void theTeamExportsEveryPartnerAndAPartnerOnlyItsOwnOrganisation() {
        Http.Response team = csv(Caller.TEAM, "/api/partners");
        assertEquals(200, team.status(), team.toString());
        assertTrue(team.header("Content-Type").orElse("").startsWith("text/csv"), team.toString());
        assertTrue(team.header("Content-Disposition").orElse("").startsWith("attachment"), team.toString());
        assertEquals("no-store", team.header("Cache-Control").orElse(""), team.toString());
        assertTrue(team.body().contains(Stack.PARTNER_A.toString()) && team.body().contains(Stack.PARTNER_B.toString()), team.toString());

        Http.Response paula = csv(Caller.PARTNER_A, "/api/partners");
        assertEquals(200, paula.status(), paula.toString());
        List<String> rows = paula.body().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, rows.size(), "a header and her own organisation: " + paula);
        assertTrue(rows.get(1).contains(Stack.PARTNER_A.toString()), paula.toString());
        assertFalse(paula.body().contains(Stack.PARTNER_B.toString()), "nothing of partner B: " + paula);
    }

    @Test
    void aCsvIsRefusedWhereTheJsonListIs() {
        for (String path : List.of("/api/partners/" + Stack.PARTNER_A + "/touchpoints", "/api/partners/" + Stack.PARTNER_B + "/touchpoints")) {
            Http.Response json = Http.get(Caller.PARTNER_A, api(path));
            Http.Response csv = csv(Caller.PARTNER_A, path);
            assertEquals(json.status(), csv.status(), path + ": " + csv);
            assertTrue(csv.status() == 403 || csv.status() == 404, path + ": " + csv);
            assertTrue(csv.header("Content-Type").orElse("").startsWith("application/problem+json"), csv.toString());
        }
        Http.Response anonymous = csv(Caller.ANONYMOUS, "/api/partners");
        assertEquals(401, anonymous.status(), anonymous.toString());
    }

    @Test
    void touchpointsExportWithoutNotes() {
        Http.Response team = csv(Caller.TEAM, "/api/partners/" + Stack.PARTNER_A + "/touchpoints");
        assertEquals(200, team.status(), team.toString());
        String header = team.body().lines().findFirst().orElse("");
        assertFalse(header.toLowerCase().contains("notes"), header);
    }
}

package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Boards;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * partner-service and advisory-service agree on how many members each tier has, today and on any date: partner-service
 * counts its memberships, advisory-service its read model of them (the compliance report's tier lines), both by the
 * terms partner-service publishes. Checked after a membership with a scheduled tier change, on the days around it.
 */
class MembershipAgreementIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> TIERS = List.of("PLATINUM", "GOLD", "SILVER");

    @Test
    void bothServicesCountTheSameMembersPerTierOnEveryDay() throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate switchDay = today.plusDays(20);
        LocalDate termEnd = today.plusMonths(10);
        List<LocalDate> days = List.of(today, switchDay.minusDays(1), switchDay, termEnd, termEnd.plusDays(10), termEnd.plusDays(11),
                today.plusYears(2));
        String board = board();
        Map<LocalDate, Map<String, Integer>> before = new TreeMap<>();
        days.forEach(day -> before.put(day, partnerCounts(day)));

        String partner = created(Http.call(Caller.TEAM, "POST", api("/api/partners"),
                "{\"name\": \"Agreement Check " + UUID.randomUUID().toString().substring(0, 8) + "\", \"lifecycleStatus\": \"ACTIVE\"}"));
        Http.Response started = Http.call(Caller.STAFF, "PUT", api("/api/partners/" + partner + "/membership"),
                "{\"tier\": \"GOLD\", \"termStart\": \"" + today.minusMonths(2) + "\", \"termEnd\": \"" + termEnd
                        + "\", \"autoRenew\": false, \"graceDays\": 10}");
        assertEquals(201, started.status(), started.toString());
        Http.Response changed = Http.call(Caller.STAFF, "POST", api("/api/partners/" + partner + "/membership/tier-changes"),
                "{\"tier\": \"SILVER\", \"effectiveDate\": \"" + switchDay + "\"}",
                Map.of("If-Match", started.header("ETag").orElseThrow()));
        assertEquals(200, changed.status(), changed.toString());

        for (LocalDate day : days) {
            Map<String, Integer> partnerSays = partnerCounts(day);
            String tier = day.isBefore(switchDay) ? "GOLD" : "SILVER";
            int added = day.isAfter(termEnd.plusDays(10)) ? 0 : 1;
            assertEquals(before.get(day).get(tier) + added, partnerSays.get(tier), tier + " members on " + day + " in partner-service");
            assertEquals(partnerSays, awaitAdvisory(board, day, partnerSays), "members per tier on " + day + ", advisory against partner");
        }
    }

    private static Map<String, Integer> partnerCounts(LocalDate day) {
        Http.Response r = Http.get(Caller.STAFF, api("/api/partners/members-per-tier?on=" + day));
        assertEquals(200, r.status(), r.toString());
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode t : r.json().get("tiers")) {
            if (TIERS.contains(t.get("tier").asText())) {
                counts.put(t.get("tier").asText(), t.get("members").asInt());
            }
        }
        return counts;
    }

    /** advisory-service's members per tier on {@code day}, once its read model has caught up (or the patience ran out). */
    private static Map<String, Integer> awaitAdvisory(String board, LocalDate day, Map<String, Integer> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Integer> counts;
        do {
            Http.Response r = Http.get(Caller.STAFF, api("/api/boards/" + board + "/compliance?on=" + day));
            assertEquals(200, r.status(), r.toString());
            counts = new TreeMap<>();
            for (JsonNode t : r.json().get("tiers")) {
                counts.put(t.get("tier").asText(), t.get("members").asInt());
            }
            if (counts.equals(expected)) {
                return counts;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return counts;
    }

    /** A board of the test's own whose policy gives seats to the tiers compared, so the report lists their members. */
    private static String board() {
        StringBuilder tiers = new StringBuilder();
        for (String tier : TIERS) {
            tiers.append(tiers.isEmpty() ? "" : ",").append("{\"tier\": \"").append(tier).append("\", \"perMember\": 1}");
        }
        return Boards.withPolicy("Agreement board " + UUID.randomUUID(), "GOVERNING_BOARD", "{\"tiers\": [" + tiers + "]}");
    }

    private static String created(Http.Response r) {
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asText();
    }

    private static URI api(String path) {
        return Stack.GATEWAY.resolve(path);
    }
}

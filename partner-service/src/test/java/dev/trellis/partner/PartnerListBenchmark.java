package dev.trellis.partner;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Latency of the partner list (page 1, page 1000, filtered searches) and of one partner's touchpoint list
 * over HTTP, in-process, on 100k partners and 1M touchpoints. Not part of the test suite (the class name
 * does not end in Test); run it with
 * {@code ./mvnw -B -pl partner-service -am verify -Dtest=PartnerListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (PostgreSQL up) and record the printed numbers in docs/benchmarks.md. It seeds its own test database
 * (wiped by Flyway at start) with set-based SQL, so a run leaves nothing behind elsewhere.
 */
@QuarkusTest
class PartnerListBenchmark {
    private static final int PARTNERS = Integer.getInteger("benchmark.partners", 100_000);
    private static final int TOUCHPOINTS = Integer.getInteger("benchmark.touchpoints", 1_000_000);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 100);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 200);
    /** Partners 0..99 get a tenth of all touchpoints: the touchpoint list is measured on a busy partner. */
    private static final int BUSY_PARTNERS = 100;

    /** First name words; "Quasar" is one in a hundred, so ?q=quasar matches 1% of the partners. */
    private static final String FIRST = words("Acme", "Borealis", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Helix",
            "Indigo", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pioneer", "Quasar", "Redwood",
            "Sierra", "Tundra", "Umbra", "Vertex", "Willow", "Xenon", "Yarrow", "Zephyr", "Aurora", "Basalt", "Cedar",
            "Dune", "Echo", "Falcon", "Glacier", "Harbor", "Iris", "Jade", "Krypton", "Lotus", "Mosaic", "Nova", "Onyx",
            "Prism", "Raven", "Summit", "Titan", "Unity", "Vector", "Wren", "Yukon", "Zenith", "Alder", "Beacon",
            "Cascade", "Drift", "Elm", "Flint", "Grove", "Hollow", "Ivory", "Jet", "Keystone", "Larch", "Maple", "North",
            "Oak", "Pine", "Ridge", "Slate", "Thistle", "Upland", "Vale", "Westwind", "Yew", "Zinc", "Amber", "Birch",
            "Crimson", "Dawn", "Everest", "Fern", "Gale", "Heron", "Inlet", "Jasper", "Kelp", "Lynx", "Marble", "Nectar",
            "Opal", "Pebble", "Reef", "Sable", "Tidal", "Ultra", "Velvet", "Whale", "Yonder", "Zest", "Argent", "Bright");
    private static final String SECOND = words("Cloud", "Systems", "Labs", "Data", "Software", "Networks", "Analytics",
            "Robotics", "Security", "Digital", "Computing", "Dynamics", "Logic", "Works", "Solutions", "Technologies",
            "Interactive", "Devices", "Energy", "Health", "Mobility", "Media", "Storage", "Semiconductor", "Telecom",
            "Consulting", "Finance", "Motors", "Openworks", "Platforms");
    private static final String LEGAL = words("Inc.", "GmbH", "Ltd", "Oy", "SA", "AB", "BV", "LLC");

    @Inject
    DataSource dataSource;

    @Test
    void partnerListLatency() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        String page1000 = cursorAt(49_950);
        UUID busy = partnerId(7);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("list page 1", "/api/partners?limit=50");
        cases.put("list page 1000", "/api/partners?limit=50&cursor=" + page1000);
        cases.put("search q=quasar (1%)", "/api/partners?limit=50&q=quasar");
        cases.put("search q=example (100%)", "/api/partners?limit=50&q=example");
        cases.put("filter status=LAPSED", "/api/partners?limit=50&status=LAPSED");
        cases.put("filter country=FI", "/api/partners?limit=50&country=FI");
        cases.put("q+status+country", "/api/partners?limit=50&q=quasar&status=ACTIVE&country=US");
        cases.put("touchpoints of one partner", "/api/partners/" + busy + "/touchpoints?limit=50");

        StringBuilder report = new StringBuilder();
        report.append(String.format("%nPARTNER LIST LATENCY (HTTP in-process, community-team, limit=50), %d partners, %d touchpoints,"
                + " seeded in %.1f s; %d requests per case after %d warm-up:%n", PARTNERS, TOUCHPOINTS, seedSeconds,
                REQUESTS, WARMUP));
        report.append("  load average before: ").append(loadAverage()).append('\n');
        report.append(String.format("  %-28s %8s %8s %8s %8s%n", "case", "p50", "p95", "p99", "rows"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String token = TestTokens.communityTeam(); // a fresh one per case: a slow case must not outlive it
            int rows = 0;
            rows = get(token, c.getValue()); // checks the answer once, with RestAssured
            // The timed requests use the JDK's client: RestAssured's own per-request cost (Groovy, response
            // parsing) is several milliseconds and would be measured as the service's.
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + c.getValue()))
                    .header("Authorization", "Bearer " + token).GET().build();
            for (int i = 0; i < WARMUP; i++) {
                send(request);
            }
            long[] nanos = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                send(request);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            String line = String.format("  %-28s %5.1f ms %5.1f ms %5.1f ms %8d%n", c.getKey(), ms(nanos, 0.50),
                    ms(nanos, 0.95), ms(nanos, 0.99), rows);
            System.out.print("measured:" + line);
            report.append(line);
        }
        report.append("  load average after: ").append(loadAverage()).append('\n');
        System.out.println(report);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String baseUri() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }

    private static void send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " for " + request.uri());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    /** The cursor of the row at 1-based {@code position} in (lower(name), id) order: the next page starts after it. */
    private String cursorAt(int position) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select lower(name), id from partner order by lower(name), id offset "
                        + (position - 1) + " limit 1")) {
            r.next();
            return Cursor.of(r.getString(1), r.getObject(2, UUID.class)).encode();
        }
    }

    private UUID partnerId(int n) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select md5('partner-' || " + n + ")::uuid")) {
            r.next();
            return r.getObject(1, UUID.class);
        }
    }

    private void seed() throws SQLException {
        List<String> statements = new ArrayList<>();
        // Partner n has id md5('partner-' || n); names from three word lists (24,000 distinct, so names repeat,
        // as they do), one or two email domains, and search_text exactly as Partner#reindex builds it:
        // lower(name), then the domains in sorted order, separated by spaces.
        statements.add("""
                insert into partner (id, name, legal_name, website, country, lifecycle_status, search_text, version,
                                     created_at, updated_at)
                select md5('partner-' || n)::uuid, nm, nm, 'https://' || d1, country, status, '', 0, ts, ts
                from (select n,
                             (%s)[1 + n %% 100] || ' ' || (%s)[1 + (n / 100) %% 30] || ' ' || (%s)[1 + (n / 3000) %% 8] as nm,
                             lower((%s)[1 + n %% 100] || (%s)[1 + (n / 100) %% 30]) || '-' || n || '.example' as d1,
                             (array['US','US','US','DE','DE','GB','FR','FI','SE','NL','JP','CN','IN','BR','CA','CH','ES','IT','KR','AU'])[1 + abs(hashtext('country-' || n)) %% 20] as country,
                             case when abs(hashtext('status-' || n)) %% 20 < 3 then 'PROSPECT'
                                  when abs(hashtext('status-' || n)) %% 20 < 15 then 'ACTIVE'
                                  when abs(hashtext('status-' || n)) %% 20 < 18 then 'LAPSED' else 'FORMER' end as status,
                             timestamptz '2020-01-01' + (n %% 2000) * interval '1 day' as ts
                      from generate_series(0, %d) n) p
                """.formatted(FIRST, SECOND, LEGAL, FIRST, SECOND, PARTNERS - 1));
        statements.add("""
                insert into partner_domain (domain, partner_id)
                select substr(website, 9), id from partner
                union all
                select replace(substr(website, 9), '.example', '.example.org'), id from partner
                where get_byte(decode(replace(id::text, '-', ''), 'hex'), 0) %% 2 = 0
                """.formatted());
        statements.add("""
                update partner p set search_text = lower(p.name) || ' '
                    || (select string_agg(d.domain, ' ' order by d.domain collate "C") from partner_domain d where d.partner_id = p.id)
                """);
        // Memberships for 85% of the partners, across the tiers, terms starting between 2024 and 2026.
        statements.add("""
                insert into membership (id, partner_id, tier, term_start, term_end, auto_renew, grace_days, last_status,
                                        version, created_at, updated_at)
                select md5('membership-' || n)::uuid, md5('partner-' || n)::uuid,
                       (array['PLATINUM','GOLD','GOLD','SILVER','SILVER','SILVER','END_USER','END_USER','ASSOCIATE','ASSOCIATE'])[1 + n %% 10],
                       s, s + interval '1 year' - interval '1 day', n %% 3 > 0, 30,
                       case when s + interval '1 year' < current_date then 'EXPIRED' else 'CURRENT' end, 0, now(), now()
                from (select n, date '2024-01-01' + (n * 13) %% 1000 as s from generate_series(0, %d) n where n %% 20 < 17) m
                """.formatted(PARTNERS - 1));
        // Touchpoints: a tenth go to the %d busy partners, the rest spread evenly; dates over five years.
        statements.add("""
                insert into touchpoint (id, partner_id, occurred_on, type, summary, notes, executive, logged_by, version,
                                        created_at, updated_at)
                select md5('touchpoint-' || n)::uuid,
                       md5('partner-' || case when n %% 10 = 0 then (n / 10) %% %d else n %% %d end)::uuid,
                       date '2021-11-01' + (n * 37) %% 1826,
                       (array['CALL','MEETING','BUSINESS_REVIEW','CONFERENCE_CONVERSATION','EMAIL'])[1 + n %% 5],
                       'Discussed roadmap and membership benefits (' || n || ')',
                       case when n %% 4 = 0 then 'Internal: budget cycle starts in Q' || (1 + n %% 4) end,
                       n %% 10 = 3, 'staff' || (n %% 25), 0, now(), now()
                from generate_series(0, %d) n
                """.formatted(BUSY_PARTNERS, PARTNERS, TOUCHPOINTS - 1));
        statements.add("""
                insert into touchpoint_attendee (id, touchpoint_id, staff_username)
                select md5('attendee-' || n)::uuid, md5('touchpoint-' || n)::uuid, 'staff' || (n %% 25)
                from generate_series(0, %d, 5) n
                """.formatted(TOUCHPOINTS - 1));
        statements.add("""
                insert into next_step (id, touchpoint_id, description, owner, due_on, done, done_at, version, created_at, updated_at)
                select md5('step-' || n)::uuid, md5('touchpoint-' || n)::uuid, 'Send the membership proposal',
                       'staff' || (n %% 25), date '2021-11-01' + (n * 37) %% 1826 + 14, n %% 3 = 0,
                       case when n %% 3 = 0 then now() end, 0, now(), now()
                from generate_series(0, %d, 10) n
                """.formatted(TOUCHPOINTS - 1));
        // Production tables are vacuumed and analysed by autovacuum; a fresh bulk load is not yet.
        statements.add("vacuum analyze");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements) {
                long start = System.nanoTime();
                int rows = s.executeUpdate(sql);
                System.out.printf("seed: %,d rows in %.1f s: %s%n", rows, (System.nanoTime() - start) / 1e9,
                        sql.strip().lines().findFirst().orElse(""));
            }
        }
    }

    /** Other processes on the machine skew the numbers; the report says how busy it was. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String words(String... words) {
        return "array[" + String.join(",", Arrays.stream(words).map(w -> "'" + w + "'").toList()) + "]";
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}

package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.Topics;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * CSV import of partners with email domains and company group (docs/import.md), with a generated 1,000-line file
 * per run (its own tag in every external id and domain): 800 new partners (by external id, or by domain only; every
 * tenth in the company group of a partner five lines up; every fifth with a second domain), 100 exact duplicates,
 * 50 updates of partners imported before, 50 bad lines.
 */
@QuarkusTest
class PartnerImportTest {
    private static final String ROUTE = "/api/partners/imports";
    private static final String HEADER = "externalId,name,legalName,website,country,emailDomains,companyGroup,status\r\n";

    @Inject
    EntityManager em;

    static String importCsv(String csv, boolean dryRun) {
        return given().config(ContactImportTest.LONG).auth().oauth2(TestTokens.communityTeam()).contentType("text/csv")
                .body(csv)
                .post(ROUTE + "?dryRun=" + dryRun).then().statusCode(200).extract().asString();
    }

    private long count(String sql, String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("tag", tag).getSingleResult()).longValue());
    }

    private long lastOutboxSeq() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(seq), 0) from outbox_event").getSingleResult()).longValue());
    }

    private long events(long after, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where seq > :after and type = :type")
                .setParameter("after", after).setParameter("type", type).getSingleResult()).longValue());
    }

    /** Rows, not sequence numbers: a rolled-back dry run leaves gaps in the sequence. */
    private long eventsSince(long after) {
        return events(after, "dev.trellis.partner.partner-registered.v1")
                + events(after, "dev.trellis.partner.partner-changed.v1");
    }

    private static String seeds(String tag) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 0; n < 50; n++) {
            csv.append(String.format("%s-S%02d,Seed %s %02d,,,CH,s%02d.%s.example,,\r\n", tag, n, tag, n, n, tag));
        }
        return csv.toString();
    }

    /** The 1,000 lines described above, for {@code tag}. */
    private static String thousand(String tag) {
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 800; i++) {
            String externalId = i % 2 == 0 ? tag + "-P" + i : "";
            String domains = "p" + i + "." + tag + ".example" + (i % 5 == 0 ? ";mail.p" + i + "." + tag + ".example" : "");
            String group = i % 10 == 7 ? "p" + (i - 5) + "." + tag + ".example" : "";
            String country = i % 3 == 0 ? "Germany" : "CH";
            lines.add(String.join(",", externalId, "Partner " + tag + " " + i, "", "https://p" + i + "." + tag
                    + ".example", country, "\"" + domains + "\"", group, i % 4 == 0 ? "ACTIVE" : ""));
            if (i % 8 == 3) {
                lines.add(lines.get(lines.size() - 1)); // an exact duplicate
            }
            if (i % 16 == 15) {
                int n = i / 16;
                lines.add(String.format("%s-S%02d,,Seed %s %02d AG,https://s%02d.%s.example,,,,", tag, n, tag, n, n, tag));
            }
            if (i % 16 == 9) {
                int n = i / 16;
                lines.add(switch (n % 5) {
                    case 0 -> ",No Key " + n + ",,,CH,,,";
                    case 1 -> tag + "-B" + n + ",Bad Country,,,XX,b" + n + "." + tag + ".example,,";
                    case 2 -> tag + "-B" + n + ",Bad Domain,,,CH,not_a_domain,,";
                    case 3 -> tag + "-B" + n + ",Taken,,,CH,s" + String.format("%02d", n) + "." + tag + ".example,,";
                    default -> tag + "-B" + n + ",No Group,,,CH,b" + n + "." + tag + ".example,nowhere." + tag
                            + ".example,";
                });
            }
        }
        lines.forEach(l -> csv.append(l).append("\r\n"));
        return csv.toString();
    }

    @Test
    void aThousandLineFileGetsTheSameReportInDryRunAndRealRunAndASecondImportChangesNothing() throws Exception {
        String tag = "pi" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(Map.of("created", 50L), ContactImportTest.outcomes(importCsv(seeds(tag), false)));
        String csv = thousand(tag);
        assertEquals(1001, csv.lines().count());
        long partnersBefore = count("select count(*) from partner where name like '%' || :tag || '%'", tag);

        long beforeDry = lastOutboxSeq();
        String dry = importCsv(csv, true);
        assertEquals(beforeDry, lastOutboxSeq(), "a dry run writes no event");
        assertEquals(partnersBefore, count("select count(*) from partner where name like '%' || :tag || '%'", tag));

        Map<TopicPartition, Long> kafkaBefore = endOffsets();
        long beforeReal = lastOutboxSeq();
        String real = importCsv(csv, false);
        assertEquals(dry, real, "the dry run answers what the real run does, line by line");
        assertEquals(1000, ContactImportTest.rows(real).size());
        assertEquals(Map.of("created", 800L, "updated", 50L, "unchanged", 100L, "refused", 50L),
                ContactImportTest.outcomes(real), real);
        assertEquals(800, events(beforeReal, "dev.trellis.partner.partner-registered.v1"));
        assertEquals(50, events(beforeReal, "dev.trellis.partner.partner-changed.v1"));
        assertEquals(850, count("select count(*) from partner where name like '%' || :tag || '%'", tag));
        assertEquals(160, count("select count(*) from partner_domain where domain like 'mail.p%.' || :tag || '.example'",
                tag), "a second domain for every fifth");
        assertEquals(80, count("""
                select count(*) from partner c join partner p on p.id = c.parent_partner_id
                where c.name like '%' || :tag || '%' and c.parent_source = 'IMPORT'
                  and replace(c.name, 'Partner ' || :tag || ' ', '')::int
                    = replace(p.name, 'Partner ' || :tag || ' ', '')::int + 5""", tag), "the company groups");
        assertEquals(50, count("select count(*) from partner where legal_name like 'Seed ' || :tag || ' % AG'", tag));
        assertEquals(267, count("select count(*) from partner where name like 'Partner ' || :tag || ' %' "
                + "and country = 'DE'", tag), "Germany is DE");
        assertEquals(200, count("select count(*) from partner where name like 'Partner ' || :tag || ' %' "
                + "and lifecycle_status = 'ACTIVE'", tag));

        Map<String, String[]> byLine = ContactImportTest.rows(real).stream()
                .collect(Collectors.toMap(r -> r[0], r -> r));
        List<String> refusals = ContactImportTest.rows(real).stream().filter(r -> r[2].equals("refused"))
                .map(r -> r[3]).distinct().sorted().toList();
        assertEquals(5 + 9, refusals.size(), String.join("\n", refusals)); // one reason per kind, the taken domain per seed
        assertTrue(refusals.contains("externalId: an external id or an email domain is needed"), refusals.toString());
        assertTrue(refusals.contains("country: not an ISO 3166-1 alpha-2 code (DE) or an English country name"));
        assertTrue(refusals.contains("emailDomains: not_a_domain is not a domain name such as example.org"));
        assertTrue(refusals.contains("companyGroup: no partner has the external id or email domain nowhere." + tag
                + ".example"));

        // the events reach Kafka: each new partner of this file once, keyed by its id
        Set<String> created = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select cast(id as text) from partner where name like 'Partner ' || :tag || ' %'")
                .setParameter("tag", tag).getResultList()).stream().map(Object::toString).toList());
        assertEquals(800, created.size());
        assertEquals(created, registeredOnKafka(kafkaBefore, created));

        long afterFirst = lastOutboxSeq();
        String again = importCsv(csv, false);
        assertEquals(afterFirst, lastOutboxSeq(), "a second import writes no event");
        assertEquals(Map.of("unchanged", 950L, "refused", 50L), ContactImportTest.outcomes(again));
        for (String[] row : ContactImportTest.rows(again)) {
            if (row[2].equals("refused")) {
                assertEquals(Arrays.asList(byLine.get(row[0])), Arrays.asList(row), "refused for the same reason");
            }
        }
        assertEquals(850, count("select count(*) from partner where name like '%' || :tag || '%'", tag));
    }

    private static Properties kafka() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    private static final String TOPIC = "test.partner-service." + Topics.PARTNER;

    static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private static Set<String> registeredOnKafka(Map<TopicPartition, Long> from, Set<String> ids) {
        return onKafka(from, ids, "dev.trellis.partner.partner-registered.v1");
    }

    /** The keys of {@code type} records since {@code from} among {@code ids}, once all arrived (or 2 min). */
    static Set<String> onKafka(Map<TopicPartition, Long> from, Set<String> ids, String eventType) {
        Set<String> seen = new HashSet<>();
        List<String> twice = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!seen.containsAll(ids) && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    var type = r.headers().lastHeader("ce_type");
                    if (ids.contains(r.key()) && type != null
                            && new String(type.value()).equals(eventType)
                            && !seen.add(r.key())) {
                        twice.add(r.key());
                    }
                });
            }
        }
        assertEquals(List.of(), twice, "no " + eventType + " twice for one key");
        return seen;
    }

    @Test
    void anImportInterruptedHalfWayAndRunAgainEndsAsOneCleanRun() {
        String clean = "pr" + UUID.randomUUID().toString().substring(0, 6);
        String cut = "pr" + UUID.randomUUID().toString().substring(0, 6);
        importCsv(seeds(clean), false);
        importCsv(seeds(cut), false);
        long beforeClean = lastOutboxSeq();
        String cleanReport = importCsv(thousand(clean), false);
        long cleanEvents = eventsSince(beforeClean);

        String whole = thousand(cut);
        String half = whole.lines().limit(701).collect(Collectors.joining("\r\n", "", "\r\n"));
        long beforeCut = lastOutboxSeq();
        importCsv(half, false);
        String again = importCsv(whole, false);

        assertEquals(stateOf(clean), stateOf(cut), "the same partners, fields, domains and groups");
        assertEquals(850, stateOf(cut).size());
        assertEquals(850, cleanEvents);
        assertEquals(cleanEvents, eventsSince(beforeCut), "the same events, none twice");
        List<String[]> cleanRows = ContactImportTest.rows(cleanReport);
        List<String[]> againRows = ContactImportTest.rows(again);
        for (int i = 0; i < againRows.size(); i++) {
            String[] first = cleanRows.get(i);
            String[] second = againRows.get(i);
            String expected = i < 700 && !first[2].equals("refused") ? "unchanged" : first[2];
            assertEquals(expected, second[2], "line " + second[0]);
            if (i >= 700) {
                assertEquals(first[3].replace(clean, "T"), second[3].replace(cut, "T"), "line " + second[0]);
            }
        }
    }

    /** The partners of a tag, the tag taken out, so that two runs compare. */
    private List<?> stateOf(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select replace(p.name, :tag, 'T'), coalesce(replace(p.external_id, :tag, 'T'), ''),
                       coalesce(replace(p.legal_name, :tag, 'T'), ''), coalesce(replace(p.website, :tag, 'T'), ''),
                       coalesce(p.country, ''), p.lifecycle_status, coalesce(replace(parent.name, :tag, 'T'), ''),
                       (select string_agg(replace(d.domain, :tag, 'T'), ' ' order by d.domain)
                        from partner_domain d where d.partner_id = p.id)
                from partner p left join partner parent on parent.id = p.parent_partner_id
                where p.name like '%' || :tag || '%' order by 1""")
                .setParameter("tag", tag).getResultList().stream().map(row -> Arrays.asList((Object[]) row)).toList());
    }

    @Test
    void aManualEditWinsOverALaterImportOfTheSameField() {
        String tag = "pm" + UUID.randomUUID().toString().substring(0, 6);
        String line = tag + "-1,Manual " + tag + ",,https://old." + tag + ".example,CH," + tag + ".example,,\r\n";
        assertEquals("created", ContactImportTest.rows(importCsv(HEADER + line, false)).get(0)[2]);
        String id = given().auth().oauth2(TestTokens.foundationStaff()).queryParam("q", tag + ".example")
                .get("/api/partners").then().statusCode(200).extract().path("items[0].id");
        String etag = given().auth().oauth2(TestTokens.communityTeam()).get("/api/partners/" + id).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body(Map.of("name", "Renamed " + tag))
                .patch("/api/partners/" + id).then().statusCode(200);

        String changed = tag + "-1,Manual " + tag + ",,https://new." + tag + ".example,CH," + tag + ".example,,\r\n";
        String[] row = ContactImportTest.rows(importCsv(HEADER + changed, false)).get(0);
        assertEquals("updated", row[2]);
        assertEquals("changed website; kept as a person set them: name", row[3]);
        row = ContactImportTest.rows(importCsv(HEADER + changed, false)).get(0);
        assertEquals(List.of("unchanged", "kept as a person set them: name"), List.of(row[2], row[3]));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed " + tag)).body("website", equalTo("https://new." + tag + ".example"));
    }

    @Test
    void aPartnerEnteredByHandIsFoundByItsDomainAndGetsTheExternalId() {
        String tag = "ph" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/json")
                .body(Map.of("name", "Hand " + tag, "emailDomains", List.of(tag + ".example")))
                .post("/api/partners").then().statusCode(201);
        String[] row = ContactImportTest.rows(importCsv(HEADER + "CRM-" + tag + ",Other Name,,,CH," + tag
                + ".example,,\r\n", false)).get(0);
        assertEquals(List.of("CRM-" + tag, "updated", "changed externalId, country; kept as a person set them: name"),
                List.of(row[1], row[2], row[3]));
        assertEquals(1, count("select count(*) from partner where external_id = 'CRM-' || :tag", tag));
    }

    @Test
    void theListExportedAsCsvImportsBackAndAnEditMadeInItIsTheOnlyChange() {
        String tag = "rt" + UUID.randomUUID().toString().substring(0, 6);
        importCsv(HEADER + "CRM-" + tag + "-1,Round " + tag + " One,,,DE," + tag + "-1.example,,\r\n"
                + ",Round " + tag + " Two,,https://two." + tag + ".example,CH," + tag + "-2.example;" + tag
                + "-2b.example,,\r\n", false);
        String export = given().auth().oauth2(TestTokens.communityTeam()).accept("text/csv")
                .get("/api/partners?q=Round " + tag).then().statusCode(200).extract().asString();
        List<String> lines = export.lines().toList();
        assertEquals(3, lines.size(), export);
        assertTrue(lines.get(0).startsWith("id,externalId,name,"), export);
        assertTrue(export.contains(",CRM-" + tag + "-1,"), export);

        assertEquals(Map.of("unchanged", 2L), ContactImportTest.outcomes(importCsv(export, false)), export);
        String edited = export.replace("https://two." + tag + ".example", "https://second." + tag + ".example");
        List<String[]> report = ContactImportTest.rows(importCsv(edited, false));
        assertEquals(List.of("unchanged", "updated"), report.stream().map(r -> r[2]).sorted().toList());
        assertTrue(report.stream().anyMatch(r -> r[3].equals("changed website")), edited);
    }

    @Test
    void aFileWithoutAKeyColumnIsA400Problem() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType("text/csv").body("name,country\r\nAcme,CH\r\n")
                .post(ROUTE).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"))
                .body("detail", containsString("externalId or emailDomains"));
    }

    @Test
    void onlyTheCommunityTeamImportsPartners() {
        for (String token : List.of(TestTokens.foundationStaff(), TestTokens.partnerA())) {
            given().auth().oauth2(token).contentType("text/csv").body(HEADER)
                    .post(ROUTE).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("text/csv").body(HEADER).post(ROUTE).then().statusCode(401);
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/json").body("{}")
                .post(ROUTE).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void theDocumentedExampleFilesImport() throws IOException {
        String spreadsheet = importCsv(Files.readString(Path.of("../docs/examples/partners-spreadsheet.csv")), true);
        assertEquals(List.of("created", "created", "created", "refused"),
                ContactImportTest.rows(spreadsheet).stream().map(r -> r[2]).toList(), spreadsheet);
        String civicrm = importCsv(Files.readString(Path.of("../docs/examples/partners-civicrm.csv")), true);
        assertEquals(List.of("created", "created", "created"),
                ContactImportTest.rows(civicrm).stream().map(r -> r[2]).toList(), civicrm);
        assertTrue(ContactImportTest.rows(civicrm).get(2)[3].contains("company group"), civicrm);
    }
}

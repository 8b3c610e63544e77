package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * CSV import of memberships (docs/import.md), with a generated 1,000-line file per run: 800 first memberships of
 * partners imported for the run (by external id or by domain), 100 exact duplicates, 50 new terms replacing
 * expired memberships, 50 bad lines.
 */
@QuarkusTest
class MembershipImportTest {
    private static final String ROUTE = "/api/partners/memberships/imports";
    private static final String HEADER = "partnerExternalId,partnerDomain,tier,termStart,termEnd,autoRenew,graceDays\r\n";
    private static final String[] TIERS = {"PLATINUM", "Gold", "silver", "End User", "ASSOCIATE"};
    private static final String CHANGED = "dev.trellis.partner.membership-changed.v1";

    @Inject
    EntityManager em;

    static String importCsv(String csv, boolean dryRun) {
        return given().config(ContactImportTest.LONG).auth().oauth2(TestTokens.foundationStaff()).contentType("text/csv")
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

    /** membership-changed rows after {@code after} about this tag's partners. */
    private long changes(long after, String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from outbox_event o join partner p on cast(p.id as text) = o.aggregate_id
                        where o.seq > :after and o.type = :type and p.name like 'Member ' || :tag || ' %'""")
                .setParameter("after", after).setParameter("type", CHANGED).setParameter("tag", tag)
                .getSingleResult()).longValue());
    }

    /** 850 partners for the tag, through the partner import; 800-849 with a membership that expired in 2020. */
    private static void partners(String tag) {
        StringBuilder csv = new StringBuilder("externalId,name,emailDomains\r\n");
        for (int i = 0; i < 850; i++) {
            csv.append(tag).append("-M").append(i).append(",Member ").append(tag).append(' ').append(i)
                    .append(",m").append(i).append('.').append(tag).append(".example\r\n");
        }
        assertEquals(Map.of("created", 850L), ContactImportTest.outcomes(PartnerImportTest.importCsv(csv.toString(),
                false)));
        StringBuilder old = new StringBuilder(HEADER);
        for (int i = 800; i < 850; i++) {
            old.append(tag).append("-M").append(i).append(",,SILVER,2020-01-01,2020-12-31,no,30\r\n");
        }
        assertEquals(Map.of("created", 50L), ContactImportTest.outcomes(importCsv(old.toString(), false)));
    }

    private static String thousand(String tag) {
        List<String> lines = new ArrayList<>();
        LocalDate first = LocalDate.now().withDayOfMonth(1).minusMonths(6);
        for (int i = 0; i < 800; i++) {
            LocalDate start = first.plusMonths(i % 6);
            String partner = i % 2 == 0 ? tag + "-M" + i + "," : ",m" + i + "." + tag + ".example";
            lines.add(partner + "," + TIERS[i % 5] + "," + start + "," + start.plusYears(1).minusDays(1) + ","
                    + (i % 3 == 0 ? "yes" : "no") + "," + (i % 4 == 0 ? "60" : ""));
            if (i % 8 == 3) {
                lines.add(lines.get(lines.size() - 1));
            }
            if (i % 16 == 15) {
                int n = 800 + i / 16;
                lines.add(tag + "-M" + n + ",,GOLD," + first + "," + first.plusYears(2).minusDays(1) + ",no,");
            }
            if (i % 16 == 9) {
                int n = i / 16;
                lines.add(switch (n % 5) {
                    case 0 -> tag + "-NOPE" + n + ",,GOLD,2026-01-01,2026-12-31,,";
                    case 1 -> tag + "-M" + n + ",,DIAMOND,2026-01-01,2026-12-31,,";
                    case 2 -> tag + "-M" + n + ",,GOLD,2026-12-31,2026-01-01,,";
                    case 3 -> tag + "-M" + n + ",,GOLD,2026-02-30,2026-12-31,,";
                    // a later term of a partner whose membership (line i - 9 or earlier) is still current
                    default -> tag + "-M" + (n * 16) + ",,GOLD," + first.plusYears(3) + "," + first.plusYears(4)
                            + ",,";
                });
            }
        }
        return HEADER + lines.stream().collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    @Test
    void aThousandLineFileGetsTheSameReportInDryRunAndRealRunAndASecondImportChangesNothing() {
        String tag = "mi" + UUID.randomUUID().toString().substring(0, 6);
        partners(tag);
        String csv = thousand(tag);
        assertEquals(1001, csv.lines().count());

        long beforeDry = lastOutboxSeq();
        String dry = importCsv(csv, true);
        assertEquals(beforeDry, lastOutboxSeq(), "a dry run writes no event");
        assertEquals(50, count("select count(*) from membership m join partner p on p.id = m.partner_id "
                + "where p.name like 'Member ' || :tag || ' %'", tag), "a dry run writes no membership");

        Map<TopicPartition, Long> kafkaBefore = PartnerImportTest.endOffsets();
        long beforeReal = lastOutboxSeq();
        String real = importCsv(csv, false);
        assertEquals(dry, real, "the dry run answers what the real run does, line by line");
        assertEquals(Map.of("created", 800L, "updated", 50L, "unchanged", 100L, "refused", 50L),
                ContactImportTest.outcomes(real), real);
        assertEquals(850, changes(beforeReal, tag), "one membership-changed per new membership or term");
        assertEquals(850, count("select count(*) from membership m join partner p on p.id = m.partner_id "
                + "where p.name like 'Member ' || :tag || ' %' and m.term_start >= current_date - 200", tag));
        assertEquals(160, count("select count(*) from membership m join partner p on p.id = m.partner_id "
                + "where p.name like 'Member ' || :tag || ' %' and m.tier = 'END_USER'", tag), "End User is END_USER");
        assertEquals(200, count("select count(*) from membership m join partner p on p.id = m.partner_id "
                + "where p.name like 'Member ' || :tag || ' %' and m.grace_days = 60", tag));
        List<String> refusals = ContactImportTest.rows(real).stream().filter(r -> r[2].equals("refused"))
                .map(r -> r[3].replaceAll("\\d{4}-\\d{2}-\\d{2}", "D").replaceAll("it is [A-Z]+ until", "it is S until"))
                .distinct().sorted().toList();
        assertEquals(List.of("partnerExternalId: no partner has this external id",
                "termEnd: must not be before termStart", "termStart: not a date (yyyy-mm-dd)",
                "termStart: the partner's membership has not expired (it is S until D)", // NEW or CURRENT
                "tier: one of [PLATINUM, GOLD, SILVER, END_USER, ASSOCIATE]"), refusals);

        Set<String> ids = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select cast(id as text) from partner where name like 'Member ' || :tag || ' %'")
                .setParameter("tag", tag).getResultList()).stream().map(Object::toString).toList());
        assertEquals(ids, PartnerImportTest.onKafka(kafkaBefore, ids, CHANGED), "each partner's membership on Kafka");

        long afterFirst = lastOutboxSeq();
        String again = importCsv(csv, false);
        assertEquals(afterFirst, lastOutboxSeq(), "a second import writes no event");
        assertEquals(Map.of("unchanged", 950L, "refused", 50L), ContactImportTest.outcomes(again));
        Map<String, String[]> byLine = ContactImportTest.rows(real).stream().collect(Collectors.toMap(r -> r[0], r -> r));
        for (String[] row : ContactImportTest.rows(again)) {
            if (row[2].equals("refused")) {
                assertEquals(Arrays.asList(byLine.get(row[0])), Arrays.asList(row), "refused for the same reason");
            }
        }
    }

    /** The memberships of a tag's partners, the tag taken out. */
    private List<?> stateOf(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select replace(p.name, :tag, 'T'), m.tier, m.term_start, m.term_end, m.auto_renew, m.grace_days,
                       m.last_status, p.lifecycle_status,
                       (select count(*) from membership_change c where c.membership_id = m.id)
                from membership m join partner p on p.id = m.partner_id
                where p.name like 'Member ' || :tag || ' %' order by 1""")
                .setParameter("tag", tag).getResultList().stream().map(row -> Arrays.asList((Object[]) row)).toList());
    }

    @Test
    void anImportInterruptedHalfWayAndRunAgainEndsAsOneCleanRun() {
        String clean = "mr" + UUID.randomUUID().toString().substring(0, 6);
        String cut = "mr" + UUID.randomUUID().toString().substring(0, 6);
        partners(clean);
        partners(cut);
        long beforeClean = lastOutboxSeq();
        String cleanReport = importCsv(thousand(clean), false);
        long cleanEvents = changes(beforeClean, clean);

        String whole = thousand(cut);
        importCsv(whole.lines().limit(701).collect(Collectors.joining("\r\n", "", "\r\n")), false);
        long beforeCut = lastOutboxSeq();
        String again = importCsv(whole, false);

        assertEquals(stateOf(clean), stateOf(cut), "the same memberships, terms and history");
        assertEquals(850, cleanEvents);
        assertEquals(cleanEvents, changes(0, cut) - 50, "the same events, none twice (50 from the 2020 terms)");
        List<String[]> cleanRows = ContactImportTest.rows(cleanReport);
        List<String[]> againRows = ContactImportTest.rows(again);
        for (int i = 0; i < againRows.size(); i++) {
            String[] first = cleanRows.get(i);
            String[] second = againRows.get(i);
            String expected = i < 700 && !first[2].equals("refused") ? "unchanged" : first[2];
            assertEquals(expected, second[2], "line " + second[0]);
            if (i >= 700) {
                assertEquals(first[3], second[3], "line " + second[0]);
            }
        }
        assertTrue(beforeCut > 0);
    }

    @Test
    void onlyFoundationStaffImportMemberships() {
        for (String token : List.of(TestTokens.communityTeam(), TestTokens.partnerA())) {
            given().auth().oauth2(token).contentType("text/csv").body(HEADER)
                    .post(ROUTE).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("text/csv").body(HEADER).post(ROUTE).then().statusCode(401);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType("text/csv").body("tier,termStart,termEnd\r\n")
                .post(ROUTE).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"));
    }

    @Test
    void theDocumentedExampleFilesImport() throws IOException {
        // the partners the examples name, with the external ids a CiviCRM export gives them (their Contact ID)
        PartnerImportTest.importCsv("externalId,name,emailDomains\r\n201,Proseware,proseware.example\r\n"
                + "202,Northwind Health,northwind-health.example\r\n", false);
        String spreadsheet = importCsv(Files.readString(Path.of("../docs/examples/memberships-spreadsheet.csv")), true);
        List<String[]> rows = ContactImportTest.rows(spreadsheet);
        assertEquals(List.of("created", "created", "refused"), rows.stream().map(r -> r[2]).toList(), spreadsheet);
        assertEquals("membership GOLD 2026-01-01 to 2026-12-31, renewing", rows.get(0)[3]);
        assertEquals("partnerDomain: no partner has the email domain blueyonder.example", rows.get(2)[3]);
        String civicrm = importCsv(Files.readString(Path.of("../docs/examples/memberships-civicrm.csv")), true);
        rows = ContactImportTest.rows(civicrm);
        assertEquals(List.of("created", "created", "refused"), rows.stream().map(r -> r[2]).toList(), civicrm);
        assertEquals("membership END_USER 2025-07-01 to 2026-06-30", rows.get(1)[3]);
        assertEquals("partnerExternalId: no partner has this external id", rows.get(2)[3]);
    }
}

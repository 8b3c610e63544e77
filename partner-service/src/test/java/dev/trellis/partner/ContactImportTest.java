package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.command.RegisterPartner;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSV import of contacts with affiliations, with the generated file {@code imports/contacts-1000.csv}: 780 new
 * people (by their email domain's partner, by a named partner domain, or without an affiliation), 100 exact
 * duplicates, 20 second roles of people earlier in the file, 50 updates of people imported before, and 50 bad
 * lines (no email, bad date, unknown partner domain, unknown role, bad phone).
 */
@QuarkusTest
class ContactImportTest {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final String ROUTE = "/api/contacts/imports";
    /**
     * A whole file is one request: on a loaded machine it may take longer than the test client's default read
     * timeout (quarkus.http.test-timeout), so imports wait longer. No test asserts how long they take.
     */
    static final io.restassured.config.RestAssuredConfig LONG = io.restassured.RestAssured.config().httpClient(
            io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 600_000));
    static final UUID ALPHA = UUID.fromString("1a1a1a1a-0000-4000-8000-00000000a001");
    static final UUID BETA = UUID.fromString("1a1a1a1a-0000-4000-8000-00000000b002");
    static final UUID GAMMA = UUID.fromString("1a1a1a1a-0000-4000-8000-00000000c003");

    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;

    @BeforeEach
    void partners() {
        register(ALPHA, "Import Alpha", "imp-alpha.example");
        register(BETA, "Import Beta", "imp-beta.example");
        register(GAMMA, "Import Gamma", "imp-gamma.example");
    }

    private void register(UUID id, String name, String domain) {
        partners.registerIfAbsent(id, new RegisterPartner(name, null, null, List.of(domain), null, null, "CH", null,
                LifecycleStatus.ACTIVE));
    }

    static String importCsv(String csv, boolean dryRun) {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType("text/csv").body(csv)
                .post(ROUTE + "?dryRun=" + dryRun).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
    }

    /** The report's rows (header left out), each as line, key, outcome, reason. */
    static List<String[]> rows(String report) {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(report)) {
            return rows.readAll().stream().skip(1).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Long> outcomes(String report) {
        return rows(report).stream().collect(Collectors.groupingBy(r -> r[2], Collectors.counting()));
    }

    private long lastOutboxSeq() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(seq), 0) from outbox_event").getSingleResult()).longValue());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    private static String file(String name) throws IOException {
        try (InputStream in = ContactImportTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aThousandLineFileGetsTheSameReportInDryRunAndRealRunAndASecondImportChangesNothing() throws IOException {
        StringBuilder seed = new StringBuilder("email,firstName,lastName,jobTitle\r\n");
        for (int n = 0; n < 50; n++) {
            seed.append(String.format("seed%02d@imp-beta.example,Seed,Person%02d,Engineer\r\n", n, n));
        }
        assertEquals(Map.of("created", 50L), outcomes(importCsv(seed.toString(), false)));
        String csv = file("contacts-1000.csv");
        long beforeDryRun = lastOutboxSeq();
        long contactsBefore = count("select count(*) from contact");

        String dry = importCsv(csv, true);
        assertEquals(lastOutboxSeq(), beforeDryRun, "a dry run writes no event");
        assertEquals(contactsBefore, count("select count(*) from contact"), "a dry run writes no contact");
        long beforeReal = lastOutboxSeq();
        String real = importCsv(csv, false);
        assertEquals(780, count("select count(*) from outbox_event where seq > " + beforeReal
                + " and type = 'dev.trellis.partner.contact-registered.v1'"), "one contact-registered per new person");
        assertEquals(778, count("select count(*) from outbox_event where seq > " + beforeReal
                + " and type = 'dev.trellis.partner.affiliation-started.v1'"), "one affiliation-started each");

        assertEquals(dry, real, "the dry run answers what the real run does, line by line");
        assertEquals(1000, rows(real).size());
        assertEquals(Map.of("created", 780L, "updated", 70L, "unchanged", 100L, "refused", 50L), outcomes(real));
        assertEquals(contactsBefore + 780, count("select count(*) from contact"));
        assertEquals(0, count("select count(*) - count(distinct lower(email)) from contact"), "no duplicate");
        // one per (email, role) of the good lines with a role: 708 new people, 20 second roles, 50 updated seeds
        assertEquals(778, count("""
                select count(*) from affiliation a join contact c on c.id = a.contact_id
                where c.email like '%@imp-%.example' and a.source = 'IMPORT'"""));
        assertEquals(50, count("""
                select count(*) from contact where email like 'seed%@imp-beta.example' and job_title = 'Senior Engineer'"""));

        long afterFirst = lastOutboxSeq();
        String again = importCsv(csv, false);
        assertEquals(afterFirst, lastOutboxSeq(), "a second import writes no event");
        assertEquals(Map.of("unchanged", 950L, "refused", 50L), outcomes(again));
        Map<String, String[]> firstByLine = rows(real).stream().collect(Collectors.toMap(r -> r[0], Function.identity()));
        for (String[] row : rows(again)) {
            if (row[2].equals("refused")) {
                assertEquals(Arrays.asList(firstByLine.get(row[0])), Arrays.asList(row), "refused for the same reason");
            }
        }
        assertEquals(contactsBefore + 780, count("select count(*) from contact"));
    }

    /**
     * 1,200 lines for {@code tag}: new people at the partners of their email domains, every tenth line a second
     * role of a person five lines up, every fortieth a bad address.
     */
    private static String resumable(String tag) {
        StringBuilder csv = new StringBuilder("email,firstName,lastName,phone,jobTitle,role,startDate\r\n");
        for (int i = 0; i < 1200; i++) {
            if (i % 40 == 39) {
                csv.append("bad-").append(tag).append('-').append(i).append(".imp-alpha.example,Bad,Line,,,DEVELOPER,")
                        .append("2024-01-01\r\n");
            } else if (i % 10 == 9) {
                csv.append(String.format("%s-%04d@imp-%s.example,,,,,MARKETING,2025-02-01\r\n", tag, i - 5,
                        (i - 5) % 2 == 0 ? "alpha" : "beta"));
            } else {
                csv.append(String.format("%s-%04d@imp-%s.example,Resume,Person%04d,+41 44 %04d,Engineer,DEVELOPER,"
                        + "2024-03-%02d\r\n", tag, i, i % 2 == 0 ? "alpha" : "beta", i, i, 1 + i % 28));
            }
        }
        return csv.toString();
    }

    /** The contacts and affiliations of a {@link #resumable} file, with its tag taken out so that runs compare. */
    private List<?> stateOf(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select replace(c.email, :tag, 'T'), c.first_name, c.last_name, coalesce(c.phone, ''),
                       coalesce(c.job_title, ''), c.first_name_source, coalesce(string_agg(a.role || ' ' || a.partner_id
                       || ' ' || a.start_date || ' ' || a.source, ', ' order by a.role, a.start_date), '')
                from contact c left join affiliation a on a.contact_id = c.id
                where c.email like :tag || '-%' group by c.id order by 1""")
                .setParameter("tag", tag).getResultList().stream().map(row -> Arrays.asList((Object[]) row)).toList());
    }

    @Test
    void anImportInterruptedHalfWayAndRunAgainEndsAsOneCleanRun() {
        String clean = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        long beforeClean = lastOutboxSeq();
        String cleanReport = importCsv(resumable(clean), false);
        long cleanEvents = lastOutboxSeq() - beforeClean;

        // The run stopped after 700 lines: its first chunk of 500 and the 200 of the next were committed.
        String cut = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        String whole = resumable(cut);
        String half = whole.lines().limit(701).collect(Collectors.joining("\r\n", "", "\r\n"));
        long beforeCut = lastOutboxSeq();
        importCsv(half, false);
        String again = importCsv(whole, false);

        assertEquals(stateOf(clean), stateOf(cut), "the same contacts, details and affiliations");
        assertEquals(1080, stateOf(cut).size(), "1,200 lines less 30 bad ones and 90 second roles");
        assertEquals(cleanEvents, lastOutboxSeq() - beforeCut, "the same events, none twice");
        List<String[]> cleanRows = rows(cleanReport);
        List<String[]> againRows = rows(again);
        assertEquals(cleanRows.size(), againRows.size());
        for (int i = 0; i < againRows.size(); i++) {
            String[] first = cleanRows.get(i);
            String[] second = againRows.get(i);
            String expected = i < 700 && !first[2].equals("refused") ? "unchanged" : first[2];
            assertEquals(expected, second[2], "line " + second[0]);
            if (i >= 700) {
                assertEquals(first[3], second[3], "line " + second[0] + " as in the clean run");
            }
        }
    }

    @Test
    void theDocumentedExampleFilesImport() throws IOException {
        register(UUID.fromString("1a1a1a1a-0000-4000-8000-00000000d004"), "Northwind Traders", "northwind.example");
        register(UUID.fromString("1a1a1a1a-0000-4000-8000-00000000e005"), "Contoso", "contoso.example");
        String spreadsheet = importCsv(java.nio.file.Files.readString(
                java.nio.file.Path.of("../docs/examples/contacts-spreadsheet.csv")), true);
        assertEquals(List.of("created", "updated", "created", "created"),
                rows(spreadsheet).stream().map(r -> r[2]).toList(), spreadsheet);
        String civicrm = importCsv(java.nio.file.Files.readString(
                java.nio.file.Path.of("../docs/examples/contacts-civicrm.csv")), true);
        assertEquals(List.of("created", "created", "created"), rows(civicrm).stream().map(r -> r[2]).toList(), civicrm);
        assertTrue(rows(civicrm).get(1)[3].contains("DEVELOPER at contoso.example from 2025-02-01"), civicrm);
    }

    @Test
    void eachBadLineIsRefusedNamingTheField() {
        String report = importCsv("""
                email,firstName,lastName,phone,role,startDate,partnerDomain
                ,Ann,Nomail,,,,
                bad.date@imp-alpha.example,Bad,Date,,DEVELOPER,2024-13-01,
                nobody@imp-nowhere.example,No,Partner,,DEVELOPER,2024-01-01,
                named@imp-mail.example,Named,Partner,,DEVELOPER,2024-01-01,imp-nowhere.example
                bad.role@imp-alpha.example,Bad,Role,,CEO,2024-01-01,
                bad.phone@imp-alpha.example,Bad,Phone,call me,,,
                no.names@imp-alpha.example,,,,,,
                """, false);
        List<String[]> rows = rows(report);
        assertEquals("2,,refused,email: missing", String.join(",", rows.get(0)));
        assertEquals("startDate: not a date (yyyy-mm-dd)", rows.get(1)[3]);
        assertEquals("email: no partner has the email domain imp-nowhere.example", rows.get(2)[3]);
        assertEquals("partnerDomain: no partner has the email domain imp-nowhere.example", rows.get(3)[3]);
        assertTrue(rows.get(4)[3].startsWith("role: one of [EXECUTIVE_SPONSOR"), rows.get(4)[3]);
        assertTrue(rows.get(5)[3].startsWith("phone: must be a phone number"), rows.get(5)[3]);
        assertEquals("firstName: needed for a new contact; lastName: needed for a new contact", rows.get(6)[3]);
        assertEquals(0, count("select count(*) from contact where email like 'bad.%@imp-alpha.example'"));
    }

    @Test
    void aManualEditWinsOverALaterImportOfTheSameField() {
        String email = "manual." + UUID.randomUUID().toString().substring(0, 8) + "@imp-alpha.example";
        String first = importCsv("email,First Name,Last Name,Job Title,Phone\r\n" + email + ",Mia,Manual,Engineer,\r\n", false);
        assertEquals("created", rows(first).get(0)[2]);
        String id = given().auth().oauth2(TestTokens.foundationStaff()).queryParam("q", email).get("/api/contacts")
                .then().statusCode(200).extract().path("items[0].id");
        String etag = ContactFixtures.etag(TestTokens.communityTeam(), "/api/contacts/" + id);
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body(Map.of("jobTitle", "Chief Architect"))
                .patch("/api/contacts/" + id).then().statusCode(200);

        String second = importCsv("email,firstName,lastName,jobTitle,phone\r\n"
                + email + ",Mia,Manual,Engineer,+41 44 000 0000\r\n", false);
        assertEquals("updated", rows(second).get(0)[2]);
        assertEquals("changed phone; kept as a person set them: jobTitle", rows(second).get(0)[3]);
        String third = importCsv("email,firstName,lastName,jobTitle,phone\r\n"
                + email + ",Mia,Manual,Engineer,+41 44 000 0000\r\n", false);
        assertEquals("unchanged,kept as a person set them: jobTitle",
                String.join(",", Arrays.copyOfRange(rows(third).get(0), 2, 4)));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/contacts/" + id).then().statusCode(200)
                .body("jobTitle", equalTo("Chief Architect")).body("phone", equalTo("+41 44 000 0000"));
    }

    @Test
    void aFileAboveTheOrdinaryBodyLimitIsTakenDeclaredOrChunkedWhileOtherRoutesKeepTheirs() {
        // 3,000 lines of about 140 bytes: over 400 KB, where every route but the imports stops at 256 KiB.
        StringBuilder csv = new StringBuilder("email,firstName,lastName,jobTitle\r\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("large-upload-").append(i).append("@imp-alpha.example,Large,Upload,").append("x".repeat(90))
                    .append("\r\n");
        }
        byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(file.length > 400_000, "the file is " + file.length + " bytes");
        for (boolean chunked : List.of(false, true)) {
            io.restassured.specification.RequestSpecification request = given().config(LONG).auth()
                    .oauth2(TestTokens.communityTeam()).contentType("text/csv");
            request = chunked ? request.body(new java.io.ByteArrayInputStream(file)) : request.body(file);
            String report = request.post(ROUTE + "?dryRun=true").then().statusCode(200).extract().asString();
            assertEquals(Map.of("created", 3_000L), outcomes(report), chunked ? "chunked" : "declared");
        }
        String partner = "{\"name\":\"" + "x".repeat(300_000) + "\"}";
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(partner)
                .post("/api/partners").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/body-too-large"));
    }

    @Test
    void aFileWithoutAnEmailColumnIsA400Problem() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType("text/csv").body("name,phone\r\nAda,123\r\n")
                .post(ROUTE).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"))
                .body("detail", containsString("no column email"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType("text/csv").body("")
                .post(ROUTE).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyThatIsNotCsvIsA415Problem() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body("{}")
                .post(ROUTE).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aDryRunFlagOtherThanTrueOrFalseIsA400() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType("text/csv").body("email\r\n")
                .post(ROUTE + "?dryRun=yes").then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void onlyTheCommunityTeamImports() {
        for (String token : List.of(TestTokens.foundationStaff(), TestTokens.partnerA())) {
            given().auth().oauth2(token).contentType("text/csv").body("email\r\nx@imp-alpha.example\r\n")
                    .post(ROUTE).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("text/csv").body("email\r\n").post(ROUTE).then().statusCode(401);
    }
}

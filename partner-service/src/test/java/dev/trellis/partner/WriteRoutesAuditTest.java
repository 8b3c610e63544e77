package dev.trellis.partner;

import static dev.trellis.platform.testing.audit.WriteRoutes.scenario;
import static io.restassured.RestAssured.given;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.Unsubscribes;
import dev.trellis.platform.testing.audit.WriteRoutes;
import dev.trellis.platform.testing.audit.WriteRoutes.Scenario;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every write route of the role matrix that partner-service serves leaves an audit entry naming its caller. The
 * portal-user routes need the shared Keycloak (as PortalUserResourceTest does); their users are removed again.
 */
@QuarkusTest
class WriteRoutesAuditTest {
    private static final String TEAM = "community-team";
    private static final String STAFF = "foundation-staff";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    PartnerService partners;
    @Inject
    Unsubscribes unsubscribes;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private UUID activePartner() {
        UUID id = UUID.randomUUID();
        partners.registerIfAbsent(id, "Audit " + id, null, "DE", LifecycleStatus.ACTIVE);
        return id;
    }

    /** An active partner with a current membership. */
    private UUID member() {
        UUID partner = activePartner();
        as(TestTokens.foundationStaff()).body(Map.of("tier", "GOLD", "termStart", TODAY.minusMonths(6).toString(),
                "termEnd", TODAY.plusMonths(6).toString(), "autoRenew", false, "graceDays", 30))
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
        return partner;
    }

    private static String employee(Object partner) {
        String contact = ContactFixtures.contact("Audit", "Person");
        ContactFixtures.affiliate(contact, partner.toString(), "DEVELOPER", TODAY.minusYears(1).toString());
        return contact;
    }

    private static String touchpoint(UUID partner) {
        return as(TestTokens.communityTeam()).body(TouchpointFixtures.touchpoint(TODAY.minusDays(1), "CALL", List.of()))
                .post("/api/partners/" + partner + "/touchpoints").then().statusCode(201).extract().path("id");
    }

    private static String nextStep(String touchpoint) {
        return as(TestTokens.communityTeam()).body(TouchpointFixtures.step("Send the deck", "cora", TODAY.plusDays(3)))
                .post("/api/touchpoints/" + touchpoint + "/next-steps").then().statusCode(201).extract().path("id");
    }

    private static String invite(String token, String partner) {
        String email = "audit-" + UUID.randomUUID() + "@acme-cloud.example";
        return as(token).body(Map.of("email", email, "firstName", "Maria", "lastName", "Rossi"))
                .post("/api/partners/" + partner + "/portal-users").then().statusCode(201).extract().path("id");
    }

    private static String machineClient(String token, String partner) {
        return as(token).body(Map.of("name", "audit " + UUID.randomUUID())).post("/api/partners/" + partner + "/clients")
                .then().statusCode(201).extract().path("clientId");
    }

    private static void removePortalUser(String token, String partner, String id) {
        given().auth().oauth2(token).delete("/api/partners/" + partner + "/portal-users/" + id).then().statusCode(204);
    }

    @TestFactory
    Stream<DynamicTest> everyWriteRouteLeavesAnEntryByItsCaller() {
        ContactFixtures.partners(partners);
        String a = ContactFixtures.A;
        Map<String, Scenario> s = new LinkedHashMap<>();
        // organisations
        s.put("POST /api/partners", scenario(x -> as(x.token(TEAM)).body(Map.of("name", "Audit " + UUID.randomUUID()))
                .post("/api/partners").then().statusCode(201)));
        s.put("PATCH /api/partners/{A}", scenario(x -> as(x.token(TEAM)).contentType(MERGE_PATCH).header("If-Match", "*")
                .body(Map.of("country", "FR")).patch("/api/partners/" + activePartner()).then().statusCode(200)));
        s.put("POST /api/partners/{A}/lifecycle-changes", scenario(x -> as(x.token(STAFF)).header("If-Match", "*")
                .body(Map.of("status", "LAPSED", "reason", "not renewed"))
                .post("/api/partners/" + activePartner() + "/lifecycle-changes").then().statusCode(200)));
        s.put("PATCH /api/partners/me", scenario(x -> as(x.partnerToken(a)).contentType(MERGE_PATCH).header("If-Match", "*")
                .body(Map.of("description", "Audited " + UUID.randomUUID())).patch("/api/partners/me").then().statusCode(200)));
        s.put("PATCH /api/partners/me/contacts/{contactOfA}", scenario(x -> as(x.partnerToken(a)).contentType(MERGE_PATCH)
                .header("If-Match", "*").body(Map.of("jobTitle", "CTO " + UUID.randomUUID().toString().substring(0, 4)))
                .patch("/api/partners/me/contacts/" + employee(a)).then().statusCode(200)));
        // membership and key contacts
        s.put("PUT /api/partners/{A}/membership", scenario(x -> as(x.token(STAFF)).body(Map.of("tier", "GOLD",
                "termStart", TODAY.minusMonths(1).toString(), "termEnd", TODAY.plusMonths(11).toString(),
                "autoRenew", false, "graceDays", 30)).put("/api/partners/" + activePartner() + "/membership")
                .then().statusCode(201)));
        s.put("POST /api/partners/{A}/membership/renewals", scenario(x -> as(x.token(STAFF)).header("If-Match", "*")
                .body(Map.of("months", 12)).post("/api/partners/" + member() + "/membership/renewals").then().statusCode(200)));
        s.put("POST /api/partners/{A}/membership/tier-changes", scenario(x -> as(x.token(STAFF)).header("If-Match", "*")
                .body(Map.of("tier", "PLATINUM", "effectiveDate", TODAY.toString()))
                .post("/api/partners/" + member() + "/membership/tier-changes").then().statusCode(200)));
        s.put("POST /api/partners/{A}/membership/end", scenario(x -> as(x.token(STAFF)).header("If-Match", "*")
                .body(Map.of("endDate", TODAY.toString())).post("/api/partners/" + member() + "/membership/end")
                .then().statusCode(200)));
        s.put("PUT /api/partners/{A}/membership/key-contacts/{badRole}", scenario(x -> {
            UUID partner = member();
            as(x.token(STAFF)).body(Map.of("contactId", employee(partner)))
                    .put("/api/partners/" + partner + "/membership/key-contacts/BILLING").then().statusCode(200);
        }));
        s.put("DELETE /api/partners/{A}/membership/key-contacts/{badRole}", scenario(x -> {
            UUID partner = member();
            as(TestTokens.foundationStaff()).body(Map.of("contactId", employee(partner)))
                    .put("/api/partners/" + partner + "/membership/key-contacts/BILLING").then().statusCode(200);
            given().auth().oauth2(x.token(STAFF)).delete("/api/partners/" + partner + "/membership/key-contacts/BILLING")
                    .then().statusCode(204);
        }));
        // touchpoints and next steps
        s.put("POST /api/partners/{A}/touchpoints", scenario(x -> as(x.token(TEAM))
                .body(TouchpointFixtures.touchpoint(TODAY.minusDays(1), "CALL", List.of()))
                .post("/api/partners/" + activePartner() + "/touchpoints").then().statusCode(201)));
        s.put("PATCH /api/touchpoints/{none}", scenario(x -> as(x.token(TEAM)).contentType(MERGE_PATCH).header("If-Match", "*")
                .body(Map.of("type", "MEETING")).patch("/api/touchpoints/" + touchpoint(activePartner())).then().statusCode(200)));
        s.put("POST /api/touchpoints/{none}/next-steps", scenario(x -> as(x.token(TEAM))
                .body(TouchpointFixtures.step("Send the deck", "cora", TODAY.plusDays(3)))
                .post("/api/touchpoints/" + touchpoint(activePartner()) + "/next-steps").then().statusCode(201)));
        s.put("PATCH /api/touchpoints/next-steps/{none}", scenario(x -> as(x.token(TEAM)).contentType(MERGE_PATCH)
                .header("If-Match", "*").body(Map.of("done", true))
                .patch("/api/touchpoints/next-steps/" + nextStep(touchpoint(activePartner()))).then().statusCode(200)));
        // portal users (Keycloak)
        s.put("POST /api/partners/{A}/portal-users", scenario(x -> {
            PortalKeycloak.requireRunning();
            String id = invite(x.token(TEAM), a);
            removePortalUser(TestTokens.communityTeam(), a, id);
        }));
        s.put("DELETE /api/partners/{A}/portal-users/{none}", scenario(x -> {
            PortalKeycloak.requireRunning();
            removePortalUser(x.token(TEAM), a, invite(TestTokens.communityTeam(), a));
        }));
        // machine clients (Keycloak client registration)
        s.put("POST /api/partners/{A}/clients", scenario(x -> {
            PortalKeycloak.requireRunning();
            String id = machineClient(x.token(TEAM), a);
            given().auth().oauth2(TestTokens.communityTeam()).delete("/api/partners/" + a + "/clients/" + id)
                    .then().statusCode(204);
        }));
        s.put("DELETE /api/partners/{A}/clients/{none}", scenario(x -> {
            PortalKeycloak.requireRunning();
            given().auth().oauth2(x.token(TEAM)).delete("/api/partners/" + a + "/clients/"
                    + machineClient(TestTokens.communityTeam(), a)).then().statusCode(204);
        }));
        // contacts
        s.put("POST /api/contacts", scenario(x -> as(x.token(TEAM)).body(Map.of("firstName", "Ada", "lastName", "Audit",
                "email", ContactFixtures.uniqueEmail("ada"))).post("/api/contacts").then().statusCode(201)));
        s.put("PATCH /api/contacts/{contactOfA}", scenario(x -> as(x.token(TEAM)).contentType(MERGE_PATCH)
                .header("If-Match", "*").body(Map.of("jobTitle", "Engineer"))
                .patch("/api/contacts/" + ContactFixtures.contact("Ada", "Audit")).then().statusCode(200)));
        s.put("PUT /api/contacts/{contactOfA}/consents/{badRole}", scenario(x -> as(x.token(TEAM))
                .body(Map.of("granted", true, "source", "WEB_FORM"))
                .put("/api/contacts/" + ContactFixtures.contact("Ada", "Audit") + "/consents/MARKETING_EMAIL")
                .then().statusCode(200)));
        s.put("POST /api/contacts/{contactOfA}/affiliations", scenario(x -> as(x.token(TEAM))
                .body(Map.of("partnerId", a, "role", "DEVELOPER", "startDate", TODAY.minusYears(1).toString()))
                .post("/api/contacts/" + ContactFixtures.contact("Ada", "Audit") + "/affiliations").then().statusCode(201)));
        s.put("POST /api/contacts/{contactOfA}/affiliations/{none}/end", scenario(x -> {
            String contact = ContactFixtures.contact("Ada", "Audit");
            String affiliation = ContactFixtures.affiliate(contact, a, "DEVELOPER", TODAY.minusYears(1).toString());
            as(x.token(TEAM)).body(Map.of("endDate", TODAY.toString()))
                    .post("/api/contacts/" + contact + "/affiliations/" + affiliation + "/end").then().statusCode(200);
        }));
        s.put("POST /api/contacts/{contactOfA}/moves", scenario(x -> as(x.token(TEAM))
                .body(Map.of("partnerId", ContactFixtures.B, "role", "DEVELOPER", "date", TODAY.toString()))
                .post("/api/contacts/" + employee(a) + "/moves").then().statusCode(201)));
        s.put("POST /api/contacts/imports", scenario(x -> given().auth().oauth2(x.token(TEAM)).contentType("text/csv")
                .body("email,firstName,lastName\r\n" + ContactFixtures.uniqueEmail("imported") + ",Imp,Orted\r\n")
                .post("/api/contacts/imports").then().statusCode(200)));
        s.put("POST /api/partners/imports", scenario(x -> given().auth().oauth2(x.token(TEAM)).contentType("text/csv")
                .body("name,emailDomains\r\nAudited Import," + UUID.randomUUID() + ".audit.example\r\n")
                .post("/api/partners/imports").then().statusCode(200)));
        s.put("POST /api/partners/memberships/imports", scenario(x -> {
            String domain = UUID.randomUUID() + ".audit.example";
            given().auth().oauth2(TestTokens.communityTeam()).contentType("text/csv")
                    .body("name,emailDomains\r\nAudited Member," + domain + "\r\n")
                    .post("/api/partners/imports").then().statusCode(200);
            given().auth().oauth2(x.token(STAFF)).contentType("text/csv")
                    .body("partnerDomain,tier,termStart,termEnd\r\n" + domain + ",GOLD," + TODAY + ","
                            + TODAY.plusYears(1) + "\r\n")
                    .post("/api/partners/memberships/imports").then().statusCode(200);
        }));
        s.put("POST /api/contacts/{none}/erasure", scenario(x -> given().auth().oauth2(x.token(STAFF))
                .post("/api/contacts/" + ContactFixtures.contact("Ada", "Audit") + "/erasure").then().statusCode(200)));
        s.put("POST /api/erasure-requests", scenario(x -> given().auth().oauth2(x.token(STAFF)).contentType("application/json")
                .body(Map.of("email", ContactFixtures.uniqueEmail("guest.audit"))).post("/api/erasure-requests")
                .then().statusCode(201)));
        // One-click unsubscribe, without a login: the withdrawal it records is a consent row by an anonymous caller.
        s.put("POST /api/contacts/unsubscribe?token={none}", WriteRoutes.anonymous("consent", () -> {
            String contact = ContactFixtures.contact("Una", "Unsubscribe");
            as(TestTokens.communityTeam()).body(Map.of("granted", true, "source", "WEB_FORM"))
                    .put("/api/contacts/" + contact + "/consents/RENEWAL_REMINDERS").then().statusCode(200);
            String token = QuarkusTransaction.requiringNew().call(
                    () -> unsubscribes.issue(UUID.fromString(contact), ConsentPurpose.RENEWAL_REMINDERS));
            given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").queryParam("token", token)
                    .post("/api/contacts/unsubscribe").then().statusCode(200);
        }));
        return WriteRoutes.prove("/api/audit/partner", s, "/api/partners", "/api/contacts", "/api/touchpoints",
                "/api/erasure-requests");
    }
}

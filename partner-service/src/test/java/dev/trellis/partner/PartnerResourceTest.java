package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.command.RegisterPartner;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerResourceTest {
    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;

    @BeforeEach
    void demoPartners() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, request("Acme Cloud", List.of("acme-cloud.example"), "US"));
        partners.registerIfAbsent(DemoData.BOREALIS_SYSTEMS, request("Borealis Systems", List.of("borealis.example"), "FI"));
    }

    private static RegisterPartner request(String name, List<String> domains, String country) {
        return new RegisterPartner(name, null, null, domains, null, null, country, null, LifecycleStatus.ACTIVE);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String create(String body) {
        return as(TestTokens.communityTeam()).body(body).post("/api/partners")
                .then().statusCode(201).extract().path("id");
    }

    private static String etag(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    private List<String> events(String partnerId) {
        @SuppressWarnings("unchecked")
        List<String> types = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select type from outbox_event where aggregate_id = :id and topic = 'test.partner-service.trellis.partner.events' order by seq")
                .setParameter("id", partnerId).getResultList());
        return types;
    }

    @Test
    void everyRouteNeedsAToken() {
        given().get("/api/partners").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/partners/" + TestTokens.PARTNER_A).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/partners").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").patch("/api/partners/" + TestTokens.PARTNER_A).then().statusCode(401);
        given().get("/api/partners/me").then().statusCode(401);
    }

    @Test
    void tokenForAnotherAudienceOrExpiredIsRejected() {
        String foreign = TestTokens.sign(TestTokens.claims("cora", List.of("community-team"), null).audience("account"));
        as(foreign).get("/api/partners").then().statusCode(401);
        String expired = TestTokens.sign(TestTokens.claims("cora", List.of("community-team"), null)
                .issuedAt(java.time.Instant.now().minusSeconds(3600)).expiresAt(java.time.Instant.now().minusSeconds(1800)));
        as(expired).get("/api/partners").then().statusCode(401);
    }

    @Test
    void onlyTheCommunityTeamRegistersAndEditsPartners() {
        String body = "{\"name\":\"Role Check " + UUID.randomUUID() + "\"}";
        as(TestTokens.foundationStaff()).body(body).post("/api/partners").then().statusCode(403);
        as(TestTokens.partnerA()).body(body).post("/api/partners").then().statusCode(403);
        String id = create(body);
        String etag = etag(TestTokens.communityTeam(), "/api/partners/" + id);
        as(TestTokens.foundationStaff()).header("If-Match", etag).body("{\"country\":\"DE\"}").patch("/api/partners/" + id)
                .then().statusCode(403);
        as(TestTokens.partnerA()).header("If-Match", etag).body("{\"country\":\"DE\"}").patch("/api/partners/" + id)
                .then().statusCode(403);
        as(TestTokens.communityTeam()).header("If-Match", etag).body("{\"country\":\"DE\"}").patch("/api/partners/" + id)
                .then().statusCode(200).body("country", equalTo("DE"));
        as(TestTokens.foundationStaff()).get("/api/partners/" + id).then().statusCode(200);
    }

    @Test
    void aPartnerSeesOnlyItsOwnOrganisationByIdListOrFilter() {
        as(TestTokens.partnerA()).get("/api/partners/me").then().statusCode(200)
                .body("profile.id", equalTo(TestTokens.PARTNER_A)).header("ETag", notNullValue());
        as(TestTokens.partnerB()).get("/api/partners/me").then().statusCode(200).body("profile.id", equalTo(TestTokens.PARTNER_B));
        as(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_A).then().statusCode(200);
        as(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_B).then().statusCode(403)
                .body(not(org.hamcrest.Matchers.containsString("Borealis")));
        as(TestTokens.partnerA()).queryParam("limit", 200).get("/api/partners").then().statusCode(200)
                .body("items.id", contains(TestTokens.PARTNER_A));
        as(TestTokens.partnerA()).queryParam("q", "borealis").get("/api/partners").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        as(TestTokens.communityTeam()).get("/api/partners/me").then().statusCode(403);
    }

    @Test
    void aPartnerChangesOnlyItsSelfServiceFields() {
        String etag = etag(TestTokens.partnerB(), "/api/partners/me");
        as(TestTokens.partnerB()).header("If-Match", etag).body("{\"name\":\"Borealis Evil\",\"description\":\"x\"}")
                .patch("/api/partners/me").then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", contains("name"));
        as(TestTokens.partnerB()).header("If-Match", etag).body("{\"lifecycleStatus\":\"ACTIVE\"}")
                .patch("/api/partners/me").then().statusCode(403);
        as(TestTokens.partnerB()).get("/api/partners/me").then().header("ETag", equalTo(etag))
                .body("profile.name", equalTo("Borealis Systems"));

        String newer = as(TestTokens.partnerB()).header("If-Match", etag)
                .body("{\"description\":\"Observability for everyone\",\"website\":\"https://borealis.example/\"}")
                .patch("/api/partners/me").then().statusCode(200)
                .body("description", equalTo("Observability for everyone")).extract().header("ETag");
        Assertions.assertNotEquals(etag, newer);
        as(TestTokens.partnerB()).header("If-Match", newer).body("{\"logoUrl\":\"http://169.254.169.254/logo.png\"}")
                .patch("/api/partners/me").then().statusCode(400).body("errors[0].field", equalTo("logoUrl"));
    }

    @Test
    void updatesNeedTheCurrentETagAndAStaleOneChangesNothing() {
        String id = create("{\"name\":\"ETag Check " + UUID.randomUUID() + "\"}");
        String path = "/api/partners/" + id;
        String etag = etag(TestTokens.communityTeam(), path);
        as(TestTokens.communityTeam()).body("{\"country\":\"NL\"}").patch(path).then().statusCode(428);
        as(TestTokens.communityTeam()).header("If-Match", etag).body("{\"country\":\"NL\"}").patch(path).then().statusCode(200);
        as(TestTokens.communityTeam()).header("If-Match", etag).body("{\"country\":\"BE\"}").patch(path)
                .then().statusCode(412).contentType("application/problem+json");
        as(TestTokens.communityTeam()).get(path).then().body("country", equalTo("NL"));
        Assertions.assertEquals(List.of("dev.trellis.partner.partner-registered.v1", "dev.trellis.partner.partner-changed.v1"),
                events(id), "a refused update publishes nothing");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String[][] cases = {
                {"{\"name\":\"\"}", "name"},
                {"{\"name\":\"X\",\"website\":\"ftp://x.example\"}", "website"},
                {"{\"name\":\"X\",\"website\":\"http://localhost:8080/\"}", "website"},
                {"{\"name\":\"X\",\"logoUrl\":\"http://10.0.0.1/logo.png\"}", "logoUrl"},
                {"{\"name\":\"X\",\"country\":\"Germany\"}", "country"},
                {"{\"name\":\"X\",\"emailDomains\":[\"Not A Domain\"]}", "emailDomains[0]"},
                {"{\"name\":\"X\",\"parentPartnerId\":\"" + UUID.randomUUID() + "\"}", "parentPartnerId"},
                {"{\"name\":\"X\",\"lifecycleStatus\":\"LAPSED\"}", "lifecycleStatus"},
                {"{\"name\":\"X\",\"lifecycleStatus\":\"SLEEPING\"}", "lifecycleStatus"},
                {"{\"name\":\"" + "n".repeat(201) + "\"}", "name"},
        };
        for (String[] c : cases) {
            as(TestTokens.communityTeam()).body(c[0]).post("/api/partners").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(c[1]));
        }
        String id = create("{\"name\":\"Patch Check " + UUID.randomUUID() + "\"}");
        String etag = etag(TestTokens.communityTeam(), "/api/partners/" + id);
        as(TestTokens.communityTeam()).header("If-Match", etag).body("{\"colour\":\"red\"}").patch("/api/partners/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
        as(TestTokens.communityTeam()).header("If-Match", etag).body("{\"parentPartnerId\":\"" + id + "\"}")
                .patch("/api/partners/" + id).then().statusCode(400).body("errors[0].field", equalTo("parentPartnerId"));
        as(TestTokens.communityTeam()).header("If-Match", etag).body("[1,2]").patch("/api/partners/" + id)
                .then().statusCode(400);
        as(TestTokens.communityTeam()).queryParam("limit", 1000).get("/api/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(TestTokens.communityTeam()).queryParam("status", "SLEEPING").get("/api/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void anEmailDomainBelongsToOnePartner() {
        String domain = "dup-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        create("{\"name\":\"First " + domain + "\",\"emailDomains\":[\"" + domain + "\"]}");
        as(TestTokens.communityTeam()).body("{\"name\":\"Second " + domain + "\",\"emailDomains\":[\"" + domain + "\"]}")
                .post("/api/partners").then().statusCode(409).body("type", equalTo("https://trellis.dev/problems/domain-taken"));
    }

    @Test
    void companyGroupsCannotFormACircle() {
        String parent = create("{\"name\":\"Group Parent " + UUID.randomUUID() + "\"}");
        String child = create("{\"name\":\"Group Child " + UUID.randomUUID() + "\",\"parentPartnerId\":\"" + parent + "\"}");
        String etag = etag(TestTokens.communityTeam(), "/api/partners/" + parent);
        as(TestTokens.communityTeam()).header("If-Match", etag).body("{\"parentPartnerId\":\"" + child + "\"}")
                .patch("/api/partners/" + parent).then().statusCode(400).body("errors[0].field", equalTo("parentPartnerId"));
    }

    @Test
    void filtersSearchNamesAndDomainsAndPagesInNameOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            create("{\"name\":\"Zeta " + tag + " " + i + "\",\"country\":\"" + (i % 2 == 0 ? "SE" : "NO")
                    + "\",\"emailDomains\":[\"z" + i + "-" + tag + ".example\"]}");
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(TestTokens.communityTeam()).queryParam("q", tag).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/partners").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        Assertions.assertEquals(List.of("Zeta " + tag + " 0", "Zeta " + tag + " 1", "Zeta " + tag + " 2",
                "Zeta " + tag + " 3", "Zeta " + tag + " 4"), names);
        as(TestTokens.foundationStaff()).queryParam("q", "Z3-" + tag.toUpperCase()).get("/api/partners")
                .then().statusCode(200).body("items.name", contains("Zeta " + tag + " 3"));
        as(TestTokens.foundationStaff()).queryParam("q", tag).queryParam("country", "NO").get("/api/partners")
                .then().body("items.name", contains("Zeta " + tag + " 1", "Zeta " + tag + " 3"));
        as(TestTokens.foundationStaff()).queryParam("q", tag).queryParam("status", "ACTIVE").get("/api/partners")
                .then().body("items", org.hamcrest.Matchers.empty());
        as(TestTokens.foundationStaff()).queryParam("q", "100%_").get("/api/partners").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void eachChangePublishesExactlyOneEventKeyedByThePartner() {
        String id = create("{\"name\":\"Events " + UUID.randomUUID() + "\",\"lifecycleStatus\":\"ACTIVE\"}");
        String path = "/api/partners/" + id;
        as(TestTokens.communityTeam()).header("If-Match", etag(TestTokens.communityTeam(), path))
                .body("{\"description\":\"changed\"}").patch(path).then().statusCode(200);
        as(TestTokens.foundationStaff()).header("If-Match", etag(TestTokens.communityTeam(), path))
                .body("{\"status\":\"LAPSED\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"not renewed\"}")
                .post(path + "/lifecycle-changes").then().statusCode(200).body("lifecycleStatus", equalTo("LAPSED"));
        as(TestTokens.communityTeam()).header("If-Match", etag(TestTokens.communityTeam(), path))
                .body("{\"status\":\"LAPSED\"}").post(path + "/lifecycle-changes").then().statusCode(409);
        as(TestTokens.communityTeam()).header("If-Match", etag(TestTokens.communityTeam(), path))
                .body("{\"status\":\"ACTIVE\"}").post(path + "/lifecycle-changes").then().statusCode(200);
        as(TestTokens.partnerA()).header("If-Match", etag(TestTokens.communityTeam(), path))
                .body("{\"status\":\"FORMER\"}").post(path + "/lifecycle-changes").then().statusCode(403);
        Assertions.assertEquals(List.of("dev.trellis.partner.partner-registered.v1", "dev.trellis.partner.partner-changed.v1",
                "dev.trellis.partner.partner-lapsed.v1", "dev.trellis.partner.partner-reactivated.v1"), events(id));
        String lapsed = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select cast(data as text) from outbox_event where aggregate_id = :id and type like '%lapsed%'")
                .setParameter("id", id).getSingleResult());
        Assertions.assertTrue(lapsed.contains("\"previousStatus\":\"ACTIVE\"") && lapsed.contains("\"effectiveDate\":\"2026-12-01\""), lapsed);
    }
}

package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.trellis.partner.config.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
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
    void partners() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", "https://acme-cloud.example", "US", LifecycleStatus.ACTIVE);
        partners.registerIfAbsent(DemoData.BOREALIS_SYSTEMS, "Borealis Systems", null, "FI", LifecycleStatus.ACTIVE);
    }

    @Test
    void serviceIsReadyAfterItsMigrations() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void listingPartnersNeedsAToken() {
        given().get("/api/partners").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void partnerUsersCannotListAllPartners() {
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String foreign = TestTokens.sign(TestTokens.claims("cora", List.of("community-team"), null).audience("account"));
        given().auth().oauth2(foreign).get("/api/partners").then().statusCode(401);
    }

    @Test
    void communityTeamPagesThroughPartnersByName() {
        for (int i = 0; i < 5; i++) {
            partners.registerIfAbsent(UUID.nameUUIDFromBytes(("paging-" + i).getBytes()), "Paging Partner " + i, null,
                    null, LifecycleStatus.PROSPECT);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/partners").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        Assertions.assertEquals(sorted, names);
        Assertions.assertEquals(names.stream().distinct().count(), names.size(), "no partner twice");
        Assertions.assertTrue(names.containsAll(List.of("Acme Cloud", "Borealis Systems", "Paging Partner 4")));
    }

    @Test
    void aPartnerReadsOnlyItsOwnOrganisation() {
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/me")
                .then().statusCode(200).body("id", equalTo(TestTokens.PARTNER_A)).body("name", equalTo("Acme Cloud"))
                .header("ETag", notNullValue());
        given().auth().oauth2(TestTokens.partnerB()).get("/api/partners/me")
                .then().statusCode(200).body("id", equalTo(TestTokens.PARTNER_B));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_B)
                .then().statusCode(403);
    }

    @Test
    void staffReadAPartnerWithItsETag() {
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + TestTokens.PARTNER_A)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("country", equalTo("US"));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void registeringAPartnerRecordsItsEventInTheOutboxOnATestTopic() {
        UUID id = UUID.randomUUID();
        partners.registerIfAbsent(id, "Outbox Check Ltd", null, "DE", LifecycleStatus.PROSPECT);
        @SuppressWarnings("unchecked")
        List<String> topics = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select topic from outbox_event where aggregate_id = :id and type = 'dev.trellis.partner.partner-registered.v1'")
                .setParameter("id", id.toString()).getResultList());
        // Test events must never reach the consumers of a stack that runs on the same broker.
        Assertions.assertEquals(List.of("test.partner-service.trellis.partner.events"), topics);
    }
}

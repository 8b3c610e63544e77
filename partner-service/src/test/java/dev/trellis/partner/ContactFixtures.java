package dev.trellis.partner;

import static io.restassured.RestAssured.given;

import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;

/** Shared steps of the contact and affiliation tests: partners A and B, contacts made through the API, the outbox. */
final class ContactFixtures {
    static final String A = TestTokens.PARTNER_A;
    static final String B = TestTokens.PARTNER_B;

    private ContactFixtures() {
    }

    static void partners(PartnerService partners) {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", null, "US", LifecycleStatus.ACTIVE);
        partners.registerIfAbsent(DemoData.BOREALIS_SYSTEMS, "Borealis Systems", null, "FI", LifecycleStatus.ACTIVE);
    }

    static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String contact(String first, String last) {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", first, "lastName", last, "email", uniqueEmail(first.toLowerCase())))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
    }

    static String affiliate(String contactId, String partnerId, String role, String startDate) {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", partnerId, "role", role, "startDate", startDate))
                .post("/api/contacts/" + contactId + "/affiliations").then().statusCode(201).extract().path("id");
    }

    static String etag(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** Outbox rows of an event type about one affiliation: (aggregate id, topic, data). */
    static java.util.List<Object[]> events(EntityManager em, String type, String affiliationId) {
        return OutboxRows.about(em, type, "affiliationId", affiliationId);
    }

    static long eventsAbout(EntityManager em, String affiliationId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where data->>'affiliationId' = :id")
                .setParameter("id", affiliationId).getSingleResult()).longValue());
    }
}

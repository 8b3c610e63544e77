package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The partner page's one call, and naming contacts by id in one call. */
@QuarkusTest
class PartnerOverviewTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String partner(String name) {
        return as(TestTokens.communityTeam()).body(Map.of("name", name, "lifecycleStatus", "ACTIVE"))
                .post("/api/partners").then().statusCode(201).extract().path("id");
    }

    @Test
    void theOverviewHoldsWhatTheFiveRoutesAnswerAndNextCursorsForTheLongLists() {
        String partner = partner("Overview " + UUID.randomUUID());
        as(TestTokens.foundationStaff()).body(Map.of("tier", "GOLD", "termStart", LocalDate.now().minusMonths(6).toString(),
                "termEnd", LocalDate.now().plusMonths(6).toString(), "autoRenew", true))
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
        String stays = ContactFixtures.contact("Stella", "Stays");
        ContactFixtures.affiliate(stays, partner, "EXECUTIVE_SPONSOR", LocalDate.now().minusYears(1).toString());
        String left = ContactFixtures.contact("Lars", "Left");
        String ended = ContactFixtures.affiliate(left, partner, "DEVELOPER", LocalDate.now().minusYears(2).toString());
        as(TestTokens.communityTeam()).body(Map.of("endDate", LocalDate.now().minusMonths(1).toString()))
                .post("/api/contacts/" + left + "/affiliations/" + ended + "/end").then().statusCode(200);
        as(TestTokens.foundationStaff()).body(Map.of("contactId", stays))
                .put("/api/partners/" + partner + "/membership/key-contacts/PRIMARY").then().statusCode(200);
        for (int i = 1; i <= 3; i++) {
            TouchpointFixtures.log(TestTokens.communityTeam(), partner,
                    TouchpointFixtures.touchpoint(LocalDate.now().minusDays(i), "CALL", List.of(UUID.fromString(stays))));
        }

        String path = "/api/partners/" + partner + "/overview";
        as(TestTokens.communityTeam()).queryParam("touchpoints", 2).get(path).then().statusCode(200)
                .body("profile.id", equalTo(partner))
                .body("affiliations.items.contactId", containsInAnyOrder(stays, left))
                .body("affiliations.next", nullValue())
                .body("membership.tier", equalTo("GOLD"))
                .body("keyContacts.role", containsInAnyOrder("PRIMARY"))
                .body("touchpoints.items", hasSize(2))
                .body("touchpoints.items[0].occurredOn", equalTo(LocalDate.now().minusDays(1).toString()))
                .body("touchpoints.items[0].notes", equalTo("INTERNAL-NOTE CFO is unhappy with the Gold price"))
                .body("touchpoints.next", notNullValue());
        // The cursor continues the touchpoint list route where the overview stopped.
        String cursor = as(TestTokens.communityTeam()).queryParam("touchpoints", 2).get(path).then().extract().path("touchpoints.next");
        as(TestTokens.foundationStaff()).queryParam("cursor", cursor).get("/api/partners/" + partner + "/touchpoints")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].occurredOn", equalTo(LocalDate.now().minusDays(3).toString()));
    }

    @Test
    void aPartnerWithoutMembershipHasANullMembershipAndPartnersAreRefused() {
        String partner = partner("No Membership " + UUID.randomUUID());
        as(TestTokens.foundationStaff()).get("/api/partners/" + partner + "/overview").then().statusCode(200)
                .body("membership", nullValue()).body("affiliations.items", hasSize(0)).body("touchpoints.items", hasSize(0));
        as(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_A + "/overview").then().statusCode(403);
        as(TestTokens.communityTeam()).get("/api/partners/" + UUID.randomUUID() + "/overview").then().statusCode(404);
        as(TestTokens.communityTeam()).queryParam("affiliations", 201).get("/api/partners/" + partner + "/overview")
                .then().statusCode(400).body("errors[0].field", equalTo("affiliations"));
    }

    @Test
    void contactsAreListedByIdInOneCall() {
        String a = ContactFixtures.contact("Ida", "One");
        String b = ContactFixtures.contact("Ida", "Two");
        ContactFixtures.contact("Ida", "Three");
        as(TestTokens.foundationStaff()).queryParam("id", a, b, UUID.randomUUID().toString()).get("/api/contacts")
                .then().statusCode(200).body("items.id", containsInAnyOrder(a, b)).body("items.lastName", containsInAnyOrder("One", "Two"));
        as(TestTokens.communityTeam()).queryParam("id", "not-a-uuid").get("/api/contacts").then().statusCode(400);
        as(TestTokens.partnerA()).queryParam("id", a).get("/api/contacts").then().statusCode(403);
        List<String> tooMany = java.util.stream.IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID().toString()).toList();
        as(TestTokens.communityTeam()).queryParam("id", tooMany.toArray()).get("/api/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }
}

package dev.trellis.partner;

import static dev.trellis.partner.ContactFixtures.A;
import static dev.trellis.partner.ContactFixtures.B;
import static dev.trellis.partner.ContactFixtures.affiliate;
import static dev.trellis.partner.ContactFixtures.contact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What responses look like: the related-company group on a partner's view, every list as {items, next},
 * a move answering with the new affiliation's URL, and rows that name a partner or contact by name too.
 */
@QuarkusTest
class ResponseShapeTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PartnerService partners;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String partner(String name, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("lifecycleStatus", "ACTIVE");
        if (parent != null) {
            body.put("parentPartnerId", parent);
        }
        return as(TestTokens.communityTeam()).body(body).post("/api/partners").then().statusCode(201).extract().path("id");
    }

    private static void member(String partner) {
        as(TestTokens.foundationStaff()).body(Map.of("tier", "GOLD", "termStart", TODAY.minusMonths(6).toString(),
                        "termEnd", TODAY.plusMonths(6).toString(), "autoRenew", false))
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
    }

    // ---- 7: the related-company group

    @Test
    void aPartnersViewListsItsCompanyGroupForStaffAndOnMe() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String parent = partner("Holding " + tag, null);
        String child = partner("Holding " + tag + " Cloud", parent);
        String sibling = partner("Holding " + tag + " Labs", parent);
        String alone = partner("Alone " + tag, null);

        as(TestTokens.foundationStaff()).get("/api/partners/" + child).then().statusCode(200)
                .body("companyGroup.id", contains(parent, child, sibling))
                .body("companyGroup.name", contains("Holding " + tag, "Holding " + tag + " Cloud", "Holding " + tag + " Labs"));
        as(TestTokens.communityTeam()).get("/api/partners/" + parent).then().statusCode(200)
                .body("companyGroup.id", contains(parent, child, sibling));
        as(TestTokens.communityTeam()).get("/api/partners/" + alone).then().statusCode(200)
                .body("companyGroup", empty());
        given().auth().oauth2(TestTokens.token("pia", List.of("partner"), sibling)).get("/api/partners/me")
                .then().statusCode(200).body("profile.id", equalTo(sibling))
                .body("profile.companyGroup.id", contains(parent, child, sibling))
                .body("profile.companyGroup.name", contains("Holding " + tag, "Holding " + tag + " Cloud", "Holding " + tag + " Labs"));
    }

    // ---- 8: lists come as {items, next}; a move answers with the new affiliation's URL

    @Test
    void keyContactsComeAsAPage() {
        String partner = partner("Keys " + UUID.randomUUID(), null);
        member(partner);
        String ada = contact("Ada", "Keys");
        affiliate(ada, partner, "EXECUTIVE_SPONSOR", TODAY.minusYears(1).toString());
        String path = "/api/partners/" + partner + "/membership/key-contacts";
        as(TestTokens.foundationStaff()).get(path).then().statusCode(200)
                .body("items", empty()).body("next", nullValue());
        as(TestTokens.foundationStaff()).body(Map.of("contactId", ada)).put(path + "/PRIMARY").then().statusCode(200);
        as(TestTokens.communityTeam()).get(path).then().statusCode(200)
                .body("items.role", contains("PRIMARY")).body("items.contactId", contains(ada));
    }

    @Test
    void aMoveAnswers201WithTheLocationOfTheNewAffiliation() {
        String person = contact("Mover", "Located");
        affiliate(person, A, "DEVELOPER", "2024-01-01");
        var response = as(TestTokens.communityTeam())
                .body(Map.of("partnerId", B, "role", "DEVELOPER", "date", TODAY.toString()))
                .post("/api/contacts/" + person + "/moves").then().statusCode(201).extract();
        String started = response.path("started.id");
        String location = response.header("Location");
        org.hamcrest.MatcherAssert.assertThat(location, endsWith("/api/contacts/" + person + "/affiliations/" + started));
        as(TestTokens.communityTeam()).get(location).then().statusCode(200).body("partnerId", equalTo(B));
    }

    // ---- 9: rows name the partner and the contact, not only their ids

    @Test
    void affiliationsNextStepsKeyContactsAndAttendeesCarryNames() {
        String partnerName = "Named " + UUID.randomUUID();
        String partner = partner(partnerName, null);
        member(partner);
        String grace = contact("Grace", "Hopper");
        String affiliation = affiliate(grace, partner, "EXECUTIVE_SPONSOR", TODAY.minusYears(1).toString());

        as(TestTokens.communityTeam()).get("/api/contacts/" + grace).then().statusCode(200)
                .body("currentAffiliations[0].partnerName", equalTo(partnerName));
        as(TestTokens.communityTeam()).get("/api/contacts/" + grace + "/affiliations/" + affiliation).then()
                .statusCode(200).body("partnerName", equalTo(partnerName));
        as(TestTokens.communityTeam()).queryParam("q", "Hopper").get("/api/contacts").then().statusCode(200)
                .body("items.find { it.id == '" + grace + "' }.currentAffiliations[0].partnerName", equalTo(partnerName));
        as(TestTokens.communityTeam()).get("/api/partners/" + partner + "/affiliations").then().statusCode(200)
                .body("items[0].contactName", equalTo("Grace Hopper"))
                .body("items[0].partnerName", equalTo(partnerName));

        String keys = "/api/partners/" + partner + "/membership/key-contacts";
        as(TestTokens.foundationStaff()).body(Map.of("contactId", grace)).put(keys + "/PRIMARY").then().statusCode(200)
                .body("contactName", equalTo("Grace Hopper"));
        as(TestTokens.foundationStaff()).get(keys).then().body("items[0].contactName", equalTo("Grace Hopper"));

        Map<String, Object> body = TouchpointFixtures.touchpoint(TODAY.minusDays(1), "CALL", List.of(UUID.fromString(grace)));
        body.put("nextSteps", List.of(TouchpointFixtures.step("Send the deck", "cora", TODAY.plusDays(3))));
        var logged = TouchpointFixtures.log(TestTokens.communityTeam(), partner, body);
        org.junit.jupiter.api.Assertions.assertEquals(partnerName, logged.getString("partnerName"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("Grace Hopper"), logged.getList("attendeeContacts.name", String.class));
        org.junit.jupiter.api.Assertions.assertEquals(partnerName, logged.getString("nextSteps[0].partnerName"));
        String step = logged.getString("nextSteps[0].id");
        as(TestTokens.communityTeam()).get("/api/touchpoints/next-steps/" + step).then().statusCode(200)
                .body("partnerName", equalTo(partnerName));
        as(TestTokens.communityTeam()).queryParam("owner", "cora").queryParam("due", "all").queryParam("limit", 200)
                .get("/api/touchpoints/next-steps").then().statusCode(200)
                .body("items.find { it.id == '" + step + "' }.partnerName", equalTo(partnerName));
        as(TestTokens.communityTeam()).get("/api/partners/" + partner + "/touchpoints").then().statusCode(200)
                .body("items[0].partnerName", equalTo(partnerName))
                .body("items[0].attendeeContacts[0].id", equalTo(grace));
    }
}

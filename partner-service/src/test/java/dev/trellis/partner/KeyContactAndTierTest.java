package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.platform.testing.auth.TestTokens;
import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyContactAndTierTest {
    @Inject
    PartnerService partners;

    @BeforeEach
    void demoPartners() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", null, "US", LifecycleStatus.ACTIVE);
        partners.registerIfAbsent(DemoData.BOREALIS_SYSTEMS, "Borealis Systems", null, "FI", LifecycleStatus.ACTIVE);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String partner(String name) {
        return as(TestTokens.communityTeam()).body(Map.of("name", name, "lifecycleStatus", "ACTIVE"))
                .post("/api/partners").then().statusCode(201).extract().path("id");
    }

    private static void member(String partner, String tier) {
        as(TestTokens.foundationStaff()).body(Map.of("tier", tier, "termStart", LocalDate.now().minusMonths(6).toString(),
                        "termEnd", LocalDate.now().plusMonths(6).toString(), "autoRenew", true))
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
    }

    @Test
    void foundationStaffNameKeyContactsFromThePartnersCurrentPeople() {
        String partner = partner("Key Contacts " + UUID.randomUUID());
        member(partner, "GOLD");
        String alice = ContactFixtures.contact("Alice", "Primary");
        ContactFixtures.affiliate(alice, partner, "EXECUTIVE_SPONSOR", LocalDate.now().minusYears(1).toString());
        String outsider = ContactFixtures.contact("Oscar", "Outsider");
        String path = "/api/partners/" + partner + "/membership/key-contacts";

        as(TestTokens.communityTeam()).body(Map.of("contactId", alice)).put(path + "/PRIMARY").then().statusCode(403);
        as(TestTokens.partnerA()).body(Map.of("contactId", alice)).put(path + "/PRIMARY").then().statusCode(403);
        as(TestTokens.foundationStaff()).body(Map.of("contactId", outsider)).put(path + "/PRIMARY")
                .then().statusCode(400).body("errors[0].field", equalTo("contactId"));
        as(TestTokens.foundationStaff()).body(Map.of("contactId", alice)).put(path + "/TREASURER")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        as(TestTokens.foundationStaff()).body(Map.of("contactId", alice)).put(path + "/PRIMARY")
                .then().statusCode(200).body("role", equalTo("PRIMARY")).body("firstName", equalTo("Alice"));

        as(TestTokens.communityTeam()).get(path).then().statusCode(200).body("items.contactId", contains(alice));
        as(TestTokens.partnerA()).get(path).then().statusCode(403);
        as(TestTokens.foundationStaff()).delete(path + "/PRIMARY").then().statusCode(204);
        as(TestTokens.foundationStaff()).delete(path + "/PRIMARY").then().statusCode(404);
        as(TestTokens.foundationStaff()).get(path).then().statusCode(200).body("items", empty());
    }

    @Test
    void aPartnerSeesItsOwnMembershipAndKeyContactsOnMe() {
        // Partner B may have no membership yet in this database: then membership is null, never another's.
        as(TestTokens.partnerB()).get("/api/partners/me").then().statusCode(200)
                .body("profile.id", equalTo(TestTokens.PARTNER_B));
        String partner = TestTokens.PARTNER_A;
        if (given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + partner + "/membership").statusCode() == 404) {
            member(partner, "PLATINUM");
        }
        String bob = ContactFixtures.contact("Bob", "Billing");
        ContactFixtures.affiliate(bob, partner, "BILLING", LocalDate.now().minusDays(10).toString());
        as(TestTokens.foundationStaff()).body(Map.of("contactId", bob)).put("/api/partners/" + partner + "/membership/key-contacts/BILLING")
                .then().statusCode(200);
        as(TestTokens.partnerA()).get("/api/partners/me").then().statusCode(200)
                .body("profile.id", equalTo(partner))
                .body("membership.tier", equalTo("PLATINUM"))
                .body("keyContacts.find { it.role == 'BILLING' }.contactId", equalTo(bob));
    }

    @Test
    void theListFiltersByTheTierInEffectToday() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String gold = partner("Tier Gold " + tag);
        member(gold, "GOLD");
        String silver = partner("Tier Silver " + tag);
        member(silver, "SILVER");
        partner("Tier None " + tag);
        as(TestTokens.foundationStaff()).queryParam("q", tag).queryParam("tier", "GOLD").get("/api/partners")
                .then().statusCode(200).body("items.id", contains(gold));
        as(TestTokens.foundationStaff()).queryParam("q", tag).queryParam("tier", "SILVER").get("/api/partners")
                .then().statusCode(200).body("items.id", contains(silver));
        as(TestTokens.foundationStaff()).queryParam("q", tag).queryParam("tier", "gold; drop").get("/api/partners")
                .then().statusCode(400).body("errors[0].field", equalTo("tier"));
        as(TestTokens.partnerA()).queryParam("tier", "GOLD").get("/api/partners")
                .then().statusCode(200).body("items.id.findAll { it != '" + TestTokens.PARTNER_A + "' }", empty());
    }
}

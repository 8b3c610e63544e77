package dev.trellis.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.trellis.event.demo.DemoData;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {
    private static final String CONFERENCE = "e5e5e5e5-0000-4000-8000-000000000003";
    private static final String HELSINKI = "e7e7e7e7-0000-4000-8000-000000000001";
    private static final String BERLIN = "e7e7e7e7-0000-4000-8000-000000000002";
    private static final String LISBON = "e7e7e7e7-0000-4000-8000-000000000003";

    @Inject
    DemoData demo;

    @Test
    void demoDataHasASponsoredConferenceThreeGroupsOneDormantAndMeetupsWithAttendance() {
        demo.load();
        Assertions.assertEquals(0, demo.load(), "a second load adds nothing");

        given().auth().oauth2(TestTokens.communityTeam()).get("/api/events/{id}/sponsorships", CONFERENCE).then()
                .statusCode(200).body("items.partnerName", hasItems("Acme Cloud", "Borealis Systems", "Cobalt Compute"))
                .body("items.status", hasItems("CONFIRMED", "PROPOSED"));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/events/{id}/registrations", CONFERENCE).then()
                .statusCode(200).body("items.partnerName", hasItem("Acme Cloud"));
        given().get("/api/user-groups/{id}", HELSINKI).then().body("health", equalTo("ACTIVE")).body("eligible", equalTo(true));
        given().get("/api/user-groups/{id}", BERLIN).then().body("health", equalTo("ACTIVE")).body("eligible", equalTo(false));
        given().get("/api/user-groups/{id}", LISBON).then().body("health", equalTo("DORMANT"));
        String pastMeetup = given().get("/api/user-groups/{id}", HELSINKI).then()
                .body("meetups.status", hasItems("COMPLETED", "PUBLISHED")).extract().path("meetups.find { it.status == 'COMPLETED' }.id");
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "ATTENDED")
                .get("/api/events/{id}/registrations", pastMeetup).then().body("items.size()", equalTo(4));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "NO_SHOW")
                .get("/api/events/{id}/registrations", pastMeetup).then().body("items.size()", equalTo(2));
        given().queryParam("kind", "CONFERENCE").get("/api/events").then().statusCode(200)
                .body("items.id", hasItem(CONFERENCE));
        // a prospect for insights-service's growth leads: Vantage Robotics, no partner, hosted a Helsinki meetup
        String prospect = "e5e5e5e5-0000-4000-8000-000000000108";
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "ATTENDED")
                .get("/api/events/{id}/registrations", prospect).then().body("items.size()", equalTo(8))
                .body("items.partnerId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        given().get("/api/user-groups/{id}", HELSINKI).then().body("health", equalTo("ACTIVE")).body("eligible", equalTo(true));
    }
}

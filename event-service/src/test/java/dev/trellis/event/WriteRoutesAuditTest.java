package dev.trellis.event;

import static dev.trellis.platform.testing.audit.WriteRoutes.scenario;
import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.audit.WriteRoutes;
import dev.trellis.platform.testing.audit.WriteRoutes.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every write route of the role matrix that event-service serves leaves an audit entry naming its caller. */
@QuarkusTest
class WriteRoutesAuditTest {
    private static final String TEAM = "community-team";

    private static Instant soon() {
        return Instant.now().plus(12, ChronoUnit.HOURS);
    }

    private static String registration(UUID event) {
        return Fixtures.registerGuest(event, Fixtures.email())[0];
    }

    private static UUID sponsor() {
        UUID partner = UUID.randomUUID();
        ReadModel.partner(partner, "Sponsor " + partner.toString().substring(0, 8), "ACTIVE", partner + ".example");
        ReadModel.member(partner);
        return partner;
    }

    private static String sponsorship(UUID event) {
        return given().auth().oauth2(Fixtures.team()).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + sponsor() + "\",\"level\":\"GOLD\",\"amount\":1000,\"currency\":\"EUR\"}")
                .post("/api/events/{id}/sponsorships", event).then().statusCode(201).extract().path("id");
    }

    @TestFactory
    Stream<DynamicTest> everyWriteRouteLeavesAnEntryByItsCaller() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("POST /api/events", scenario(a -> given().auth().oauth2(a.token(TEAM)).contentType(ContentType.JSON)
                .body("{\"kind\":\"MEETUP\",\"title\":\"Audit\",\"startsAt\":\"2027-06-10T15:00:00Z\","
                        + "\"endsAt\":\"2027-06-10T18:00:00Z\",\"timeZone\":\"Europe/Helsinki\",\"venue\":\"Hall\"}")
                .post("/api/events").then().statusCode(201)));
        scenarios.put("PATCH /api/events/{event}", scenario(a -> given().auth().oauth2(a.token(TEAM))
                .contentType("application/merge-patch+json").header("If-Match", "*").body("{\"venue\":\"Hall 2\"}")
                .patch("/api/events/{id}", Fixtures.publishedEvent(10)).then().statusCode(200)));
        scenarios.put("POST /api/events/{event}/status-changes", scenario(a -> given().auth().oauth2(a.token(TEAM))
                .contentType(ContentType.JSON).header("If-Match", "*").body("{\"status\":\"PUBLISHED\"}")
                .post("/api/events/{id}/status-changes", Fixtures.draftEvent(10, soon(), null)).then().statusCode(200)));
        scenarios.put("POST /api/user-groups", scenario(a -> given().auth().oauth2(a.token(TEAM)).contentType(ContentType.JSON)
                .body("{\"name\":\"Audit " + UUID.randomUUID() + "\",\"city\":\"Tampere\",\"country\":\"FI\",\"organiserIds\":[]}")
                .post("/api/user-groups").then().statusCode(201)));
        scenarios.put("PATCH /api/user-groups/{group}", scenario(a -> given().auth().oauth2(a.token(TEAM))
                .contentType("application/merge-patch+json").header("If-Match", "*").body("{\"city\":\"Oulu\"}")
                .patch("/api/user-groups/{id}", UserGroupTest.group("Audit " + UUID.randomUUID())).then().statusCode(200)));
        scenarios.put("POST /api/events/{event}/registrations", scenario(a -> given().auth().oauth2(a.token(TEAM))
                .contentType(ContentType.JSON).body("{\"name\":\"Guest\",\"email\":\"" + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", Fixtures.publishedEvent(10)).then().statusCode(201)));
        scenarios.put("DELETE /api/events/{event}/registrations/{none}", scenario(a -> {
            UUID event = Fixtures.publishedEvent(10);
            given().auth().oauth2(a.token(TEAM)).delete("/api/events/{e}/registrations/{r}", event, registration(event))
                    .then().statusCode(200);
        }));
        scenarios.put("POST /api/events/{event}/check-ins", scenario(a -> {
            UUID event = Fixtures.publishedEvent(10, soon());
            given().auth().oauth2(a.token(TEAM)).contentType(ContentType.JSON)
                    .body("{\"registrationId\":\"" + registration(event) + "\"}")
                    .post("/api/events/{id}/check-ins", event).then().statusCode(200);
        }));
        scenarios.put("DELETE /api/events/{event}/check-ins/{none}", scenario(a -> {
            UUID event = Fixtures.publishedEvent(10, soon());
            String registration = registration(event);
            given().auth().oauth2(Fixtures.team()).contentType(ContentType.JSON)
                    .body("{\"registrationId\":\"" + registration + "\"}")
                    .post("/api/events/{id}/check-ins", event).then().statusCode(200);
            given().auth().oauth2(a.token(TEAM)).delete("/api/events/{e}/check-ins/{r}", event, registration)
                    .then().statusCode(200);
        }));
        scenarios.put("POST /api/events/{event}/sponsorships", scenario(a -> given().auth().oauth2(a.token(TEAM))
                .contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + sponsor() + "\",\"level\":\"GOLD\",\"amount\":1000,\"currency\":\"EUR\"}")
                .post("/api/events/{id}/sponsorships", Fixtures.publishedEvent(10)).then().statusCode(201)));
        scenarios.put("POST /api/events/{event}/sponsorships/{none}/confirmation", scenario(a -> {
            UUID event = Fixtures.publishedEvent(10);
            given().auth().oauth2(a.token(TEAM)).header("If-Match", "*")
                    .post("/api/events/{e}/sponsorships/{s}/confirmation", event, sponsorship(event)).then().statusCode(200);
        }));
        scenarios.put("DELETE /api/events/{event}/sponsorships/{none}", scenario(a -> {
            UUID event = Fixtures.publishedEvent(10);
            given().auth().oauth2(a.token(TEAM)).header("If-Match", "*")
                    .delete("/api/events/{e}/sponsorships/{s}", event, sponsorship(event)).then().statusCode(200);
        }));
        return WriteRoutes.prove("/api/audit/event", scenarios, "/api/events", "/api/user-groups", "/api/calendar");
    }
}

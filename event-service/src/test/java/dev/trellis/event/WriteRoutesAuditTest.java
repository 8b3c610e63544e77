package dev.trellis.event;

import static dev.trellis.platform.testing.audit.WriteRoutes.scenario;
import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.audit.WriteRoutes.Scenario;
import dev.trellis.platform.testing.audit.WriteRoutes;
import dev.trellis.platform.testing.mail.GreenMailInbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern TOKEN = Pattern.compile("/sign-ups/confirmation\\?token=([A-Za-z0-9_-]+)");

    private static UUID publicEvent() {
        UUID event = Fixtures.publishedEvent(10);
        given().auth().oauth2(Fixtures.team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"publicSignUp\": true}").patch("/api/events/{id}", event).then().statusCode(200);
        return event;
    }

    private static void signUp(UUID event, String email) {
        given().header("X-Forwarded-For", "10.9." + ThreadLocalRandom.current().nextInt(256) + "."
                        + ThreadLocalRandom.current().nextInt(1, 255)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada Audit\",\"email\":\"" + email + "\"}")
                .post("/api/events/{e}/sign-ups", event).then().statusCode(202);
    }

    /** The confirmation token of the one mail sent to {@code to}, once it arrived. */
    private static String mailedToken(String to) {
        long deadline = System.nanoTime() + GreenMailInbox.WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                for (GreenMailInbox.Received mail : GreenMailInbox.mails(to)) {
                    Matcher m = TOKEN.matcher(mail.text());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                Thread.sleep(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the mail to " + to, e);
        }
        throw new AssertionError("no confirmation mail to " + to + " within " + GreenMailInbox.WAIT);
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
        // public sign-up: anyone, without a token
        scenarios.put("POST /api/events/{event}/sign-ups", WriteRoutes.anonymous("sign-up",
                () -> signUp(publicEvent(), GreenMailInbox.newAddress("audit-sign-up"))));
        scenarios.put("POST /api/events/{event}/sign-ups/confirmation", WriteRoutes.anonymous("registration", () -> {
            UUID event = publicEvent();
            String to = GreenMailInbox.newAddress("audit-confirm");
            signUp(event, to);
            given().contentType(ContentType.JSON).body("{\"token\":\"" + mailedToken(to) + "\"}")
                    .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(200);
        }));
        return WriteRoutes.prove("/api/audit/event", scenarios, "/api/events", "/api/user-groups", "/api/calendar");
    }
}

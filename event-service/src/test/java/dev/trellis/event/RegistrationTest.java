package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationTest {
    static final UUID PARTNER_A = UUID.fromString(TestTokens.PARTNER_A);
    static final UUID PARTNER_B = UUID.fromString(TestTokens.PARTNER_B);

    @TestHTTPResource("/api/events")
    URI events;

    @Test
    void twoHundredConcurrentRegistrationsForFiftySeatsFillExactlyFifty() throws Exception {
        UUID event = Fixtures.publishedEvent(50);
        String token = team();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String body = "{\"name\":\"Racer " + i + "\",\"email\":\"racer-" + i + "-" + event + "@example.org\"}";
                answers.add(pool.submit(() -> {
                    start.await();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(events + "/" + event + "/registrations"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> byStatus = allRegistrations(event).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of("REGISTERED", 50L, "WAITLISTED", 150L), byStatus);
    }

    @Test
    void aCancellationPromotesTheFirstWaitlisted() {
        UUID event = Fixtures.publishedEvent(2);
        String first = Fixtures.registerGuest(event, Fixtures.email())[0];
        Fixtures.registerGuest(event, Fixtures.email());
        String[] waiting1 = Fixtures.registerGuest(event, Fixtures.email());
        String[] waiting2 = Fixtures.registerGuest(event, Fixtures.email());
        assertEquals("WAITLISTED", waiting1[1]);
        assertEquals("WAITLISTED", waiting2[1]);

        given().auth().oauth2(team()).delete("/api/events/{e}/registrations/{r}", event, first)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, waiting1[0])
                .then().statusCode(200).body("status", equalTo("REGISTERED"));
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, waiting2[0])
                .then().statusCode(200).body("status", equalTo("WAITLISTED"));
        // Cancelled already: its state does not allow it.
        given().auth().oauth2(team()).delete("/api/events/{e}/registrations/{r}", event, first)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("registration-not-cancellable"));
    }

    @Test
    void cancellingTheEventCancelsItsRegistrationsAndWaitlist() {
        UUID event = Fixtures.publishedEvent(1);
        String seated = Fixtures.registerGuest(event, Fixtures.email())[0];
        String waiting = Fixtures.registerGuest(event, Fixtures.email())[0];
        Fixtures.status(event, "CANCELLED");
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, seated).then().body("status", equalTo("CANCELLED"));
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, waiting).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void raisingTheCapacityMovesTheWaitlistUp() {
        UUID event = Fixtures.publishedEvent(1);
        Fixtures.registerGuest(event, Fixtures.email());
        String[] waiting = Fixtures.registerGuest(event, Fixtures.email());
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"capacity\":2}").patch("/api/events/{id}", event).then().statusCode(200);
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, waiting[0])
                .then().body("status", equalTo("REGISTERED"));
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"capacity\":1}").patch("/api/events/{id}", event).then().statusCode(422);
    }

    @Test
    void aGuestCancelsWithTheCancelTokenOnly() {
        UUID event = Fixtures.publishedEvent(10);
        var created = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Gus Guest\",\"email\":\"" + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("cancelToken");
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, id)
                .then().body("cancelToken", equalTo(null));
        given().delete("/api/events/{e}/registrations/{r}", event, id).then().statusCode(401);
        given().header("X-Cancel-Token", "not-" + token).delete("/api/events/{e}/registrations/{r}", event, id)
                .then().statusCode(404);
        given().header("X-Cancel-Token", token).delete("/api/events/{e}/registrations/{r}", event, id)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void registrationOutsideTheWindowIsRefused() {
        Instant start = Instant.now().plus(20, ChronoUnit.DAYS);
        UUID event = Fixtures.draftEvent(10, start, null);
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"registrationOpensAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .patch("/api/events/{id}", event).then().statusCode(200);
        Fixtures.publish(event);
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Early Bird\",\"email\":\"" + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(422)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("registration-closed"));
        UUID past = Fixtures.publishedEvent(10, Instant.now().minus(2, ChronoUnit.DAYS));
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Late\",\"email\":\"" + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", past).then().statusCode(422);
    }

    @Test
    void aDuplicateEmailIsAConflictButAfterCancellingItMayRegisterAgain() {
        UUID event = Fixtures.publishedEvent(10);
        String email = Fixtures.email();
        String id = Fixtures.registerGuest(event, email)[0];
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Again\",\"email\":\"" + email.toUpperCase() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(team()).delete("/api/events/{e}/registrations/{r}", event, id).then().statusCode(200);
        Fixtures.registerGuest(event, email);
    }

    @Test
    void aPartnerRegistersItsOwnContactsWithTheCompanySnapshotAndSeesOnlyThose() {
        ReadModel.partner(PARTNER_A, "Acme Cloud", "ACTIVE", "acme-cloud.test");
        ReadModel.partner(PARTNER_B, "Borealis Systems", "ACTIVE", "borealis.test");
        UUID ada = ReadModel.contactOf(PARTNER_A, "ada@acme-cloud.test");
        UUID bo = ReadModel.contactOf(PARTNER_B);
        UUID event = Fixtures.publishedEvent(10);

        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"name\":\"Ada\",\"email\":\"ada@acme-cloud.test\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201)
                .body("partnerId", equalTo(TestTokens.PARTNER_A)).body("partnerName", equalTo("Acme Cloud"))
                .body("source", equalTo("PORTAL"));
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + bo + "\",\"name\":\"Bo\",\"email\":\"bo@borealis.test\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON)
                .body("{\"name\":\"Stranger\",\"email\":\"s@example.org\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(403);
        // A guest of the community team gets the company of its email domain.
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Bo\",\"email\":\"bo@BOREALIS.test\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201)
                .body("partnerId", equalTo(TestTokens.PARTNER_B)).body("partnerName", equalTo("Borealis Systems"));

        given().auth().oauth2(TestTokens.partnerA()).get("/api/events/{id}/registrations", event).then().statusCode(200)
                .body("items", hasSize(1)).body("items.partnerId", everyItem(equalTo(TestTokens.PARTNER_A)));
        given().auth().oauth2(TestTokens.partnerB()).get("/api/events/{id}/registrations", event).then().statusCode(200)
                .body("items", hasSize(1)).body("items.partnerId", everyItem(equalTo(TestTokens.PARTNER_B)));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/events/{id}/registrations", event).then()
                .statusCode(200).body("items", hasSize(2));
    }

    private static List<String> allRegistrations(UUID event) {
        List<String> statuses = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(team()).queryParam("limit", 200)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/events/{id}/registrations", event).then().statusCode(200).extract();
            statuses.addAll(page.path("items.status"));
            cursor = page.path("next");
        } while (cursor != null);
        return statuses;
    }
}

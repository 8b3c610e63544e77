package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.mail.GreenMailInbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Public sign-up with double opt-in, anonymous, read back over IMAP from GreenMail. Each test signs up from a client
 * address of its own (X-Forwarded-For, which the service takes from 127.0.0.1, its trusted proxy), so the per-client
 * limit counts only that test's sign-ups.
 */
@QuarkusTest
class SignUpTest {
    private static final Pattern LINK = Pattern.compile("(http\\S+/sign-ups/confirmation\\?token=([A-Za-z0-9_-]+))");

    @Inject
    TestClock clock;

    private final String client = "10." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSignUpIsHeldUntilTheAddressConfirmsItThroughThePageAndThenRegisters() throws Exception {
        UUID event = publicEvent(10);
        String to = GreenMailInbox.newAddress("sign-up");
        signUp(event, "Ada Lovelace", to).then().statusCode(202).body("status", equalTo("CHECK_YOUR_MAIL"));
        assertEquals(0, registrations(event).size(), "held, not registered");

        GreenMailInbox.Received mail = GreenMailInbox.await(to, 1).get(0);
        assertTrue(mail.subject().startsWith("Please confirm your registration: Meetup "), mail.subject());
        assertTrue(mail.text().startsWith("Hello Ada Lovelace,"), mail.text());
        assertTrue(mail.text().contains("The link works for 24 hours"), mail.text());
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        assertTrue(mail.html().contains("href=\"" + link.group(1) + "\""), mail.html());
        URI url = URI.create(link.group(1));
        assertEquals("/api/events/" + event + "/sign-ups/confirmation", url.getPath());

        // Opening the link (as a mail scanner does) shows a form and confirms nothing.
        String page = given().get(url.getPath() + "?" + url.getRawQuery()).then().statusCode(200)
                .contentType(containsString("text/html")).header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").extract().asString();
        assertTrue(page.contains("<form method=\"post\" action=\"/api/events/" + event + "/sign-ups/confirmation\">"), page);
        assertTrue(page.contains("name=\"token\" value=\"" + link.group(2) + "\""), page);
        given().get(url.getPath() + "?" + url.getRawQuery()).then().statusCode(200);
        assertEquals(0, registrations(event).size(), "a GET confirms nothing");

        // The page's button posts the form.
        String answer = given().contentType(ContentType.URLENC).formParam("token", link.group(2))
                .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(answer.contains("You are registered."), answer);
        List<Object> items = registrations(event);
        assertEquals(1, items.size());
        given().auth().oauth2(team()).get("/api/events/{e}/registrations", event).then()
                .body("items[0].email", equalTo(to)).body("items[0].name", equalTo("Ada Lovelace"))
                .body("items[0].source", equalTo("WEB")).body("items[0].status", equalTo("REGISTERED"));

        List<GreenMailInbox.Received> mails = GreenMailInbox.await(to, 2);
        assertTrue(mails.get(1).subject().startsWith("You are registered: Meetup "), mails.get(1).subject());
        assertTrue(mails.get(1).text().contains("X-Cancel-Token: "), mails.get(1).text());
        assertEquals(List.of("event.ics"), mails.get(1).attachmentNames());

        // The link again (the JSON way too) answers as before and registers nobody twice.
        given().contentType(ContentType.JSON).body("{\"token\":\"" + link.group(2) + "\"}")
                .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(200)
                .body("outcome", equalTo("REGISTERED")).body("eventId", equalTo(event.toString()));
        assertEquals(1, registrations(event).size());
    }

    @Test
    void anUnconfirmedSignUpTakesNoSeatAndIsWaitlistedWhenConfirmedLater() throws Exception {
        UUID event = publicEvent(1);
        String held = GreenMailInbox.newAddress("held");
        signUp(event, "Held Person", held).then().statusCode(202);
        String token = token(GreenMailInbox.await(held, 1).get(0));

        // Someone else takes the only seat while the first sign-up waits for its confirmation.
        assertEquals("REGISTERED", Fixtures.registerGuest(event, Fixtures.email())[1]);

        given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}")
                .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(200)
                .body("outcome", equalTo("WAITLISTED"));
        List<GreenMailInbox.Received> mails = GreenMailInbox.await(held, 2);
        assertTrue(mails.get(1).subject().startsWith("You are on the waitlist: "), mails.get(1).subject());
    }

    @Test
    void aSecondSignUpOfARegisteredAddressIsAnsweredAsTheFirstAndOnlyTheMailSaysSo() throws Exception {
        UUID event = publicEvent(10);
        String to = GreenMailInbox.newAddress("twice");
        ExtractableResponse<Response> first = signUp(event, "Twice", to).then().extract();
        confirm(event, token(GreenMailInbox.await(to, 1).get(0)));
        GreenMailInbox.await(to, 2); // registered

        ExtractableResponse<Response> second = signUp(event, "Twice Again", to).then().extract();
        assertEquals(202, first.statusCode());
        assertEquals(first.statusCode(), second.statusCode());
        assertEquals(first.asString(), second.asString());
        assertEquals(first.contentType(), second.contentType());

        GreenMailInbox.Received notice = GreenMailInbox.await(to, 3).get(2);
        assertTrue(notice.subject().startsWith("You are registered already: Meetup "), notice.subject());
        assertTrue(notice.text().contains("This address is registered for it already"), notice.text());
        assertFalse(LINK.matcher(notice.text()).find(), "nothing to confirm: " + notice.text());
        assertEquals(1, registrations(event).size());
    }

    @Test
    void anUnconfirmedSignUpLapsesAfterItsHoldTime() throws Exception {
        UUID event = publicEvent(10);
        String to = GreenMailInbox.newAddress("lapsed");
        signUp(event, "Late Person", to).then().statusCode(202);
        String token = token(GreenMailInbox.await(to, 1).get(0));
        clock.shift(Duration.ofHours(25));
        given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}")
                .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("Please sign up again"));
        String page = given().contentType(ContentType.URLENC).formParam("token", token)
                .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(404)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("Please sign up again"), page);
        clock.reset();
        assertEquals(0, registrations(event).size());
    }

    @Test
    void signUpsPerAddressAreLimitedWithRetryAfter() {
        UUID event = publicEvent(10);
        String to = Fixtures.email();
        for (int i = 0; i < 3; i++) {
            signUp(event, "Eager", to).then().statusCode(202);
        }
        String retryAfter = signUp(event, "Eager", to).then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/too-many-sign-ups")).extract().header("Retry-After");
        assertNotNull(retryAfter);
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 0 && seconds <= 3600, retryAfter);
        // The limit counts the address, whatever its case and whichever event.
        signUp(publicEvent(10), "Eager", to.toUpperCase()).then().statusCode(429);
    }

    @Test
    void signUpsPerClientAddressAreLimitedWithRetryAfter() {
        UUID event = publicEvent(null);
        for (int i = 0; i < 20; i++) {
            signUp(event, "Bulk", Fixtures.email()).then().statusCode(202);
        }
        signUp(event, "Bulk", Fixtures.email()).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anEventWithoutPublicSignUpRefusesIt() {
        UUID event = Fixtures.publishedEvent(10);
        signUp(event, "Nobody", Fixtures.email()).then().statusCode(422)
                .body("type", equalTo("https://trellis.dev/problems/public-sign-up-not-allowed"));
        signUp(UUID.randomUUID(), "Nobody", Fixtures.email()).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"name\":\"No Address\"}")
                .post("/api/events/{e}/sign-ups", event).then().statusCode(400);
        given().get("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"token\":\"not-a-token\"}")
                .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(404);
    }

    private UUID publicEvent(Integer capacity) {
        UUID event = Fixtures.publishedEvent(capacity);
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"publicSignUp\": true}").patch("/api/events/{id}", event).then().statusCode(200)
                .body("publicSignUp", equalTo(true));
        return event;
    }

    private Response signUp(UUID event, String name, String email) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}").post("/api/events/{e}/sign-ups", event);
    }

    private static void confirm(UUID event, String token) {
        given().contentType(ContentType.JSON).body("{\"token\":\"" + token + "\"}")
                .post("/api/events/{e}/sign-ups/confirmation", event).then().statusCode(200);
    }

    private static String token(GreenMailInbox.Received mail) {
        Matcher m = LINK.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        return m.group(2);
    }

    private static List<Object> registrations(UUID event) {
        return given().auth().oauth2(team()).get("/api/events/{e}/registrations", event).then().statusCode(200)
                .extract().path("items");
    }
}

package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static dev.trellis.event.PartnerEvents.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.ContactEmailChanged;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.event.domain.ContactEmailDigest;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a partner registers its own contacts only under their address on record, once per event, as PORTAL;
 * and no answer to a registration tells a partner anything about another company's people.
 */
@QuarkusTest
class PartnerRegistrationRulesTest {
    static final UUID PARTNER_A = UUID.fromString(TestTokens.PARTNER_A);
    static final UUID PARTNER_B = UUID.fromString(TestTokens.PARTNER_B);

    @TestHTTPResource("/api/events")
    URI events;

    @Inject
    EntityManager em;

    private String adaEmail;
    private String boEmail;
    private UUID ada;
    private UUID bo;

    @BeforeEach
    void partnersAndTheirContacts() {
        ReadModel.partner(PARTNER_A, "Acme Cloud", "ACTIVE", "acme-cloud.test");
        ReadModel.partner(PARTNER_B, "Borealis Systems", "ACTIVE", "borealis.test");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        adaEmail = "ada." + suffix + "@acme-cloud.test";
        boEmail = "bo." + suffix + "@borealis.test";
        ada = ReadModel.contactOf(PARTNER_A, adaEmail);
        bo = ReadModel.contactOf(PARTNER_B, boEmail);
    }

    @Test
    void aPartnerCannotSquatAnotherCompanysAddressAndThatCompanyRegistersAndChecksInItsOwnPerson() {
        // Starts within the day, so check-in is open.
        UUID event = Fixtures.publishedEvent(10, Instant.now().plus(2, ChronoUnit.HOURS));

        ExtractableResponse<Response> squat = register(TestTokens.partnerA(), event, ada, "Bo Borealis", boEmail)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/email-not-the-contacts"))
                .body("rules[0].rule", equalTo("email-not-the-contacts")).extract();
        assertNothingOfAnyoneIn(squat.asString());
        given().auth().oauth2(team()).get("/api/events/{id}/registrations", event).then().statusCode(200)
                .body("items", hasSize(0));

        String boRegistration = register(TestTokens.partnerB(), event, bo, "Bo Borealis", boEmail).then().statusCode(201)
                .body("partnerId", equalTo(TestTokens.PARTNER_B)).extract().path("id");
        given().auth().oauth2(team()).contentType("text/csv").body("email\n" + boEmail.toUpperCase() + "\n")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200)
                .body("lines[0].outcome", equalTo("CHECKED_IN")).body("lines[0].registrationId", equalTo(boRegistration));
    }

    @Test
    void aForeignAddressGetsTheSameAnswerWhetherItIsRegisteredOrNot() {
        UUID event = Fixtures.publishedEvent(10);
        String unregistered = "nobody." + UUID.randomUUID() + "@borealis.test";
        register(TestTokens.partnerB(), event, bo, "Bo Borealis", boEmail).then().statusCode(201);

        String registeredProbe = register(TestTokens.partnerA(), event, ada, "Probe", boEmail).then().statusCode(422)
                .extract().asString();
        String unregisteredProbe = register(TestTokens.partnerA(), event, ada, "Probe", unregistered).then()
                .statusCode(422).extract().asString();
        assertEquals(unregisteredProbe, registeredProbe, "the answer does not depend on the address being registered");
        assertNothingOfAnyoneIn(registeredProbe);
        // Another company's contact, registered or not: refused before anything is looked up.
        UUID boColleague = ReadModel.contactOf(PARTNER_B, "colleague." + UUID.randomUUID() + "@borealis.test");
        String registeredContact = register(TestTokens.partnerA(), event, bo, "Probe", boEmail).then().statusCode(403)
                .body("type", endsWith("/own-contacts-only")).extract().path("detail");
        String unregisteredContact = register(TestTokens.partnerA(), event, boColleague, "Probe", boEmail).then()
                .statusCode(403).extract().path("detail");
        assertEquals(registeredContact.replace(bo.toString(), "?"), unregisteredContact.replace(boColleague.toString(), "?"));
        given().auth().oauth2(team()).get("/api/events/{id}/registrations", event).then().body("items", hasSize(1));
    }

    @Test
    void aPartnersRegistrationIsPortalWhateverSourceItNamesAndKeepsTheNameItGives() {
        UUID event = Fixtures.publishedEvent(10);
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"name\":\"Ada Okafor\",\"email\":\"" + adaEmail.toUpperCase()
                        + "\",\"source\":\"STAFF\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201)
                .body("source", equalTo("PORTAL")).body("name", equalTo("Ada Okafor"))
                .body("partnerId", equalTo(TestTokens.PARTNER_A));
        // The community team still says how a registration came in.
        UUID other = ReadModel.contactOf(PARTNER_A);
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + other + "\",\"name\":\"Walk In\",\"email\":\"" + Fixtures.email()
                        + "\",\"source\":\"WEB\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).body("source", equalTo("WEB"));
    }

    @Test
    void aContactIsRegisteredOncePerEventUntilCancelledAndTheRefusalNamesNoOne() {
        UUID event = Fixtures.publishedEvent(10);
        // The community team registered Ada under another address first: she is registered all the same.
        String first = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"name\":\"Ada From The Desk\",\"email\":\"" + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");

        String refusal = register(TestTokens.partnerA(), event, ada, "Ada", adaEmail).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/already-registered"))
                .extract().asString();
        assertNothingOfAnyoneIn(refusal);
        assertFalse(refusal.contains(first) || refusal.contains("From The Desk") || refusal.contains("Acme"), refusal);

        given().auth().oauth2(TestTokens.partnerA()).delete("/api/events/{e}/registrations/{r}", event, first)
                .then().statusCode(200);
        String again = register(TestTokens.partnerA(), event, ada, "Ada", adaEmail).then().statusCode(201)
                .extract().path("id");
        String twice = register(TestTokens.partnerA(), event, ada, "Ada", adaEmail).then().statusCode(409)
                .extract().asString();
        assertNothingOfAnyoneIn(twice);
        assertFalse(twice.contains(again), twice);
        given().auth().oauth2(team()).queryParam("status", "REGISTERED").get("/api/events/{id}/registrations", event)
                .then().body("items", hasSize(1)).body("items[0].id", equalTo(again));
    }

    @Test
    void aDuplicateEmailOfTheCommunityTeamIsRefusedWithoutRepeatingTheAddress() {
        UUID event = Fixtures.publishedEvent(10);
        String email = Fixtures.email();
        Fixtures.registerGuest(event, email);
        String refusal = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Again\",\"email\":\"" + email.toUpperCase() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(409)
                .body("type", endsWith("/already-registered")).extract().asString();
        assertFalse(refusal.toLowerCase().contains(email) || refusal.contains("Guest"), refusal);
    }

    @Test
    void concurrentRegistrationsOfOneContactMakeOneAndRefuseTheRestWithA409() throws Exception {
        UUID event = Fixtures.publishedEvent(100);
        String token = team();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                // Each under another address: only the contact makes them duplicates.
                String body = "{\"contactId\":\"" + ada + "\",\"name\":\"Ada\",\"email\":\"" + Fixtures.email() + "\"}";
                answers.add(pool.submit(() -> {
                    start.await();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(events + "/" + event + "/registrations"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(Map.of(201, 1L, 409, 19L),
                    statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseHoldsOneLiveRegistrationPerContactAndEvent() {
        UUID event = Fixtures.publishedEvent(10);
        register(TestTokens.partnerA(), event, ada, "Ada", adaEmail).then().statusCode(201);
        // Past the service's own check, as a second writer would be: the partial unique index refuses it.
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("""
                        insert into registration (id, event_id, contact_id, name, email, source, status, cancel_token,
                                                  created_at, updated_at)
                        values (gen_random_uuid(), :event, :contact, 'Ada', :email, 'STAFF', 'REGISTERED', 'x', now(), now())
                        """).setParameter("event", event).setParameter("contact", ada)
                        .setParameter("email", Fixtures.email()).executeUpdate()));
        assertTrue(rootMessage(refused).contains("registration_live_contact_uq"), rootMessage(refused));
    }

    @Test
    void theAddressOnRecordFollowsPartnerServicesEventsAndGoesWithTheErasure() throws Exception {
        UUID event = Fixtures.publishedEvent(10);
        UUID contact = ReadModel.contactOf(PARTNER_A);
        String email = "cleo." + UUID.randomUUID() + "@acme-cloud.test";
        register(TestTokens.partnerA(), event, contact, "Cleo", email).then().statusCode(422)
                .body("type", endsWith("/contact-email-unknown")).body("detail", org.hamcrest.Matchers.containsString("retry"));

        // An event sent before digests were carried tells nothing.
        PartnerEvents.send(ContactRegistered.TYPE, contact,
                "{\"contactId\":\"" + contact + "\",\"registeredAt\":\"2026-01-01T00:00:00Z\"}");
        PartnerEvents.send(ContactRegistered.TYPE, contact, "{\"contactId\":\"" + contact
                + "\",\"registeredAt\":\"2026-01-01T00:00:00Z\",\"emailSha256\":\"" + ContactRegistered.emailSha256(email) + "\"}");
        await(() -> digestOf(contact), ContactRegistered.emailSha256(email));

        String changed = "cleo.new." + UUID.randomUUID() + "@acme-cloud.test";
        PartnerEvents.send(ContactEmailChanged.TYPE, contact, "{\"contactId\":\"" + contact + "\",\"emailSha256\":\""
                + ContactRegistered.emailSha256(changed) + "\"}");
        await(() -> digestOf(contact), ContactRegistered.emailSha256(changed));
        register(TestTokens.partnerA(), event, contact, "Cleo", email).then().statusCode(422)
                .body("type", endsWith("/email-not-the-contacts"));
        register(TestTokens.partnerA(), event, contact, "Cleo", changed).then().statusCode(201);

        PartnerEvents.send(ContactErased.TYPE, contact, "{\"contactId\":\"" + contact + "\",\"erasedAt\":\"2026-11-28T10:00:00Z\"}");
        await(() -> digestOf(contact), "none");
        // A late email event does not bring the erased contact's digest back; a marker on the same key follows it.
        PartnerEvents.send(ContactEmailChanged.TYPE, contact, "{\"contactId\":\"" + contact + "\",\"emailSha256\":\""
                + ContactRegistered.emailSha256(email) + "\"}");
        UUID marker = UUID.randomUUID();
        PartnerEvents.send(ContactEmailChanged.TYPE, contact, "{\"contactId\":\"" + marker + "\",\"emailSha256\":\""
                + ContactRegistered.emailSha256(email) + "\"}");
        await(() -> digestOf(marker), ContactRegistered.emailSha256(email));
        assertEquals("none", digestOf(contact));
    }

    private static io.restassured.response.Response register(String token, UUID event, UUID contact, String name,
            String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"name\":\"" + name + "\",\"email\":\"" + email + "\"}")
                .post("/api/events/{id}/registrations", event);
    }

    /** No address (anyone's) and no name of the fixtures' people appears in a refusal. */
    private void assertNothingOfAnyoneIn(String body) {
        String lower = body.toLowerCase();
        for (String secret : List.of(adaEmail, boEmail, "borealis", "@")) {
            assertFalse(lower.contains(secret.toLowerCase()), "'" + secret + "' in " + body);
        }
    }

    private static String digestOf(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> ContactEmailDigest.<ContactEmailDigest>findByIdOptional(contact)
                .map(d -> d.emailSha256).orElse("none"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}

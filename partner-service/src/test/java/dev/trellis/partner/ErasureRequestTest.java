package dev.trellis.partner;

import static dev.trellis.partner.ContactFixtures.A;
import static dev.trellis.partner.ContactFixtures.affiliate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.contracts.partner.GuestErasureRequested;
import dev.trellis.contracts.partner.PortalUserRemoved;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Erasure requests as a saga: partner-service does its part at once, the others confirm with their
 * erasure-completed events (sent here to the test topics as their relays would), and the status shows each part.
 * A guest's address is erased by its digest only. Mentions in touchpoints and the portal account go with the contact.
 */
@QuarkusTest
class ErasureRequestTest {
    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "mp.messaging.incoming.advisory-events.topic")
    String advisoryTopic;
    @ConfigProperty(name = "mp.messaging.incoming.event-events.topic")
    String eventTopic;
    @ConfigProperty(name = "mp.messaging.incoming.insights-events.topic")
    String insightsTopic;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aContactsErasureIsPendingUntilEveryServiceConfirmedAndRedactsMentionsInTouchpoints() throws Exception {
        String email = ContactFixtures.uniqueEmail("saga");
        String last = "Saga" + UUID.randomUUID().toString().substring(0, 6);
        String id = as(TestTokens.communityTeam()).body(Map.of("firstName", "Ingrid", "lastName", last, "email", email))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        affiliate(id, A, "DEVELOPER", "2024-01-01");
        Map<String, Object> body = TouchpointFixtures.touchpoint(LocalDate.now(ZoneOffset.UTC).minusDays(2), "CALL",
                List.of(UUID.fromString(id)));
        body.put("summary", "Call with ingrid " + last + " about the renewal");
        body.put("notes", "Write to " + email.toUpperCase() + " or to " + last + ", Ingrid; she is keen. " + last + " asked for a demo");
        String touchpoint = TouchpointFixtures.log(TestTokens.communityTeam(), A, body).getString("id");
        // a meeting she did not attend: her last name alone there may be someone else's
        String colleague = ContactFixtures.contact("Colleague", "Attendee");
        affiliate(colleague, A, "DEVELOPER", "2024-01-01");
        Map<String, Object> other = TouchpointFixtures.touchpoint(LocalDate.now(ZoneOffset.UTC).minusDays(1), "CALL",
                List.of(UUID.fromString(colleague)));
        other.put("notes", "Ask " + last + " later; ingrid " + last + " is away");
        String notAttended = TouchpointFixtures.log(TestTokens.communityTeam(), A, other).getString("id");
        TouchpointFixtures.addStep(TestTokens.communityTeam(), touchpoint,
                TouchpointFixtures.step("Send Ingrid  " + last + " the slides", "cora", LocalDate.now().plusDays(7)));

        String path = "/api/contacts/" + id + "/erasure";
        as(TestTokens.foundationStaff()).get(path).then().statusCode(404);
        String requestId = as(TestTokens.foundationStaff()).post(path).then().statusCode(200)
                .body("contactId", equalTo(id)).body("status", equalTo("PENDING"))
                .body("services.service", equalTo(List.of("advisory", "event", "insights", "partner")))
                .body("services.status", equalTo(List.of("PENDING", "PENDING", "PENDING", "DONE")))
                .extract().path("requestId");

        List<Object[]> erased = OutboxRows.about(em, ContactErased.TYPE, "contactId", id);
        assertEquals(1, erased.size());
        String data = String.valueOf(erased.get(0)[2]);
        assertTrue(data.contains("\"requestId\":\"" + requestId + "\""), data);
        assertTrue(data.contains("\"emailSha256\":\"" + ContactRegistered.emailSha256(email) + "\""), data);
        assertFalse(data.contains(email) || data.contains(last), "no personal data: " + data);

        as(TestTokens.communityTeam()).get("/api/touchpoints/" + touchpoint).then().statusCode(200)
                .body("summary", equalTo("Call with [erased] about the renewal"))
                .body("notes", equalTo("Write to [erased] or to [erased]; she is keen. [erased] asked for a demo"))
                .body("nextSteps[0].description", equalTo("Send [erased] the slides"));
        as(TestTokens.communityTeam()).get("/api/touchpoints/" + notAttended).then().statusCode(200)
                .body("notes", equalTo("Ask " + last + " later; [erased] is away"));

        confirm(advisoryTopic, "dev.trellis.advisory.erasure-completed.v1", requestId, id);
        confirm(eventTopic, "dev.trellis.event.erasure-completed.v1", requestId, id);
        await("advisory and event confirmed", () -> "PENDING".equals(status(path, "services[2].status"))
                && "DONE".equals(status(path, "services[1].status")) && "DONE".equals(status(path, "services[0].status")));
        as(TestTokens.foundationStaff()).get(path).then().statusCode(200).body("status", equalTo("PENDING"))
                .body("completedAt", nullValue());
        confirm(insightsTopic, "dev.trellis.insights.erasure-completed.v1", requestId, id);
        await("every service confirmed", () -> "DONE".equals(status(path, "status")));
        as(TestTokens.foundationStaff()).get("/api/erasure-requests/" + requestId).then().statusCode(200)
                .body("status", equalTo("DONE")).body("completedAt", notNullValue()).body("contactId", equalTo(id));

        // asking again answers with the same request and publishes nothing more
        as(TestTokens.foundationStaff()).post(path).then().statusCode(200).body("requestId", equalTo(requestId))
                .body("status", equalTo("DONE"));
        assertEquals(1, OutboxRows.about(em, ContactErased.TYPE, "contactId", id).size());
        as(TestTokens.communityTeam()).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/erasure-requests/" + requestId).then().statusCode(403);
    }

    @Test
    void aGuestsAddressIsErasedThroughEventServiceByItsDigestAloneAndAContactsAddressIsRefused() throws Exception {
        String email = ContactFixtures.uniqueEmail("Guest.Only");
        String location = as(TestTokens.foundationStaff()).body(Map.of("email", email.toUpperCase()))
                .post("/api/erasure-requests").then().statusCode(201)
                .body("contactId", nullValue()).body("status", equalTo("PENDING"))
                .body("services.service", equalTo(List.of("event", "partner")))
                .body("services.status", equalTo(List.of("PENDING", "DONE")))
                .extract().header("Location");
        String requestId = location.substring(location.lastIndexOf('/') + 1);

        List<Object[]> requested = OutboxRows.about(em, GuestErasureRequested.TYPE, "requestId", requestId);
        assertEquals(1, requested.size());
        assertEquals(requestId, requested.get(0)[0], "keyed by the request");
        String data = String.valueOf(requested.get(0)[2]);
        assertTrue(data.contains(ContactRegistered.emailSha256(email)), data);
        assertFalse(data.toLowerCase().contains(email.toLowerCase()), "the address stays here: " + data);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where lower(cast(changes as text)) like ?1")
                .setParameter(1, "%" + email.toLowerCase() + "%").getSingleResult()).longValue()),
                "the audit trail holds no address");

        confirm(eventTopic, "dev.trellis.event.erasure-completed.v1", requestId, null);
        await("event-service confirmed", () -> "DONE".equals(status(location, "status")));

        String contact = ContactFixtures.contact("Has", "Address");
        String contactEmail = as(TestTokens.communityTeam()).get("/api/contacts/" + contact).then().extract().path("email");
        as(TestTokens.foundationStaff()).body(Map.of("email", contactEmail.toUpperCase())).post("/api/erasure-requests")
                .then().statusCode(409).contentType("application/problem+json").body("type", endsWith("address-of-a-contact"));
        as(TestTokens.foundationStaff()).body(Map.of("email", "not an address")).post("/api/erasure-requests")
                .then().statusCode(400).body("errors[0].field", notNullValue());
        as(TestTokens.communityTeam()).body(Map.of("email", email)).post("/api/erasure-requests").then().statusCode(403);
        as(TestTokens.foundationStaff()).get("/api/erasure-requests/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theErasedPersonsPortalAccountIsDeletedInKeycloak() {
        PortalKeycloak.requireRunning();
        String email = ContactFixtures.uniqueEmail("portal.erased").toLowerCase();
        String id = as(TestTokens.communityTeam()).body(Map.of("firstName", "Portal", "lastName", "Person", "email", email))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        affiliate(id, A, "DEVELOPER", "2024-01-01");
        try (Keycloak keycloak = PortalKeycloak.admin()) {
            RealmResource realm = PortalKeycloak.realm(keycloak);
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setEnabled(true);
            user.setAttributes(Map.of("partner_id", List.of(A)));
            user.setGroups(List.of("/partner-users"));
            String userId;
            try (Response created = realm.users().create(user)) {
                assertEquals(201, created.getStatus(), "portal user created");
                String at = created.getLocation().toString();
                userId = at.substring(at.lastIndexOf('/') + 1);
            }

            as(TestTokens.foundationStaff()).post("/api/contacts/" + id + "/erasure").then().statusCode(200);

            assertTrue(realm.users().search(email, true).isEmpty(), "the portal account is gone");
            List<Object[]> removed = OutboxRows.about(em, PortalUserRemoved.TYPE, "userId", userId);
            assertEquals(1, removed.size(), "portal-user-removed recorded");
            assertFalse(String.valueOf(removed.get(0)[2]).contains(email));
        }
    }

    private static String status(String path, String field) {
        return as(TestTokens.foundationStaff()).get(path).then().statusCode(200).extract().path(field);
    }

    private static void confirm(String topic, String type, String requestId, String contactId) throws Exception {
        String data = "{\"requestId\":\"" + requestId + "\",\"contactId\":" + (contactId == null ? "null" : "\"" + contactId + "\"")
                + ",\"completedAt\":\"" + Instant.now() + "\"}";
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(type.split("\\.")[2] + "-service"));
        headers.add("ce_subject", bytes(requestId));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, null, requestId, data, headers)).get();
        }
    }

    /** Waits (up to a minute) until the consumer has had the effect; never asserts on timing itself. */
    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never happened: " + what);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

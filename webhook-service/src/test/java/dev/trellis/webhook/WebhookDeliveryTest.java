package dev.trellis.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries end to end: CloudEvents on the test topics, the inbox, matching, the worker, and a real receiver on
 * 127.0.0.1 that checks every signature with the specification's algorithm.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private Receiver receiver;
    private Events events;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        events = new Events();
    }

    @AfterEach
    void stop() {
        receiver.close();
        events.close();
    }

    private JsonPath subscribe(String token, String path, List<String> types, UUID partnerFilter) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url(path));
        body.put("eventTypes", types);
        body.put("partnerId", partnerFilter == null ? null : partnerFilter.toString());
        JsonPath created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath();
        receiver.secrets.put(path, List.of(created.getString("secret")));
        return created;
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEveryDeliveryInOrderPerPartnerWithStableIds() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        JsonPath subscription = subscribe(TestTokens.communityTeam(), path, List.of(Events.PARTNER_CHANGED), null);
        receiver.down.set(true);

        List<UUID> partners = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<String, List<String>> sentPerPartner = new LinkedHashMap<>();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            UUID partner = partners.get(i % partners.size());
            String id = events.partnerEvent(Events.PARTNER_CHANGED, partner, "change " + i);
            sentPerPartner.computeIfAbsent(partner.toString(), k -> new ArrayList<>()).add(id);
            sent.add(id);
            if (i == 4) {
                // a relay's retry: the same event twice on the topic; the inbox keeps it to one delivery
                events.send(Events.topic("partner-events"), id, Events.PARTNER_CHANGED, partner.toString(),
                        "{\"partnerId\":\"" + partner + "\",\"name\":\"change " + i + "\"}");
            }
        }
        await("the receiver refused a few attempts while down", () -> receiver.refused.get() >= 4);
        receiver.down.set(false);
        await("every event arrived", () -> receivedIds(path).containsAll(sent));

        List<Receiver.Received> got = receiver.at(path).stream().filter(r -> sent.contains(r.eventId())).toList();
        assertTrue(receiver.badSignatures.isEmpty(), () -> "bad signatures: " + receiver.badSignatures);
        for (Receiver.Received r : got) {
            assertEquals(r.eventId(), r.webhookId(), "the webhook-id is the CloudEvent id");
        }
        // Each event once: the duplicate on the topic made no second delivery.
        assertEquals(sent.size(), got.size(), () -> "deliveries: " + got.stream().map(Receiver.Received::eventId).toList());
        Map<String, List<String>> receivedPerPartner = new LinkedHashMap<>();
        for (Receiver.Received r : got) {
            receivedPerPartner.computeIfAbsent(r.partnerId(), k -> new ArrayList<>()).add(r.eventId());
        }
        assertEquals(sentPerPartner, receivedPerPartner, "each partner's events in the order they were sent");

        // The log shows the failed attempts and the receiver's codes.
        JsonPath log = given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 200)
                .get("/api/webhooks/{id}/deliveries", subscription.getString("id")).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = log.getList("items");
        assertEquals(sent.size(), items.stream().filter(d -> sent.contains(d.get("eventId"))).count());
        assertTrue(items.stream().allMatch(d -> "DELIVERED".equals(d.get("status")) && Integer.valueOf(204).equals(d.get("lastStatusCode"))));
        assertTrue(items.stream().anyMatch(d -> ((Integer) d.get("attempts")) > 1), "some deliveries were retried");
    }

    @Test
    void aRedeliveryCarriesTheSameWebhookId() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        JsonPath subscription = subscribe(TestTokens.communityTeam(), path, List.of(Events.TOUCHPOINT_LOGGED), partner);
        String id = events.partnerEvent(Events.TOUCHPOINT_LOGGED, partner, "first");
        events.partnerEvent(Events.TOUCHPOINT_LOGGED, UUID.randomUUID(), "another partner's, filtered out");
        await("delivered", () -> receivedIds(path).contains(id));
        String sub = subscription.getString("id");
        String delivery = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/webhooks/{id}/deliveries", sub)
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        given().auth().oauth2(TestTokens.foundationStaff()).post("/api/webhooks/{id}/deliveries/{d}/redelivery", sub, delivery)
                .then().statusCode(201);
        await("delivered again", () -> receiver.at(path).size() == 2);
        assertEquals(List.of(id, id), receiver.at(path).stream().map(Receiver.Received::webhookId).toList());
    }

    @Test
    void aPartnersSubscriptionGetsItsOwnPartnersEventsOnly() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        subscribe(TestTokens.partnerA(), path, List.of(Events.PARTNER_CHANGED, Events.EVENT_PUBLISHED), null);
        UUID a = UUID.fromString(TestTokens.PARTNER_A);
        String other = events.partnerEvent(Events.PARTNER_CHANGED, UUID.fromString(TestTokens.PARTNER_B), "B's");
        events.send(Events.topic("event-events"), UUID.randomUUID().toString(), Events.EVENT_PUBLISHED, UUID.randomUUID().toString(),
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"title\":\"about no partner\"}");
        String own = events.partnerEvent(Events.PARTNER_CHANGED, a, "A's");
        await("A's own event arrived", () -> receivedIds(path).contains(own));
        // B's event and the one about no partner were on the topics before A's (and its lane) and never came.
        assertTrue(receiver.at(path).stream().allMatch(r -> a.toString().equals(r.partnerId())),
                () -> "received: " + receiver.at(path));
        assertTrue(!receivedIds(path).contains(other));
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        JsonPath subscription = subscribe(TestTokens.communityTeam(), path, List.of(Events.PARTNER_CHANGED), partner);
        String old = subscription.getString("secret");
        JsonPath rotated = given().auth().oauth2(TestTokens.communityTeam())
                .post("/api/webhooks/{id}/secret/rotation", subscription.getString("id")).then().statusCode(200)
                .extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertTrue(fresh.startsWith("whsec_") && !fresh.equals(old));
        receiver.secrets.put(path, List.of(old, fresh)); // the receiver insists on both
        String id = events.partnerEvent(Events.PARTNER_CHANGED, partner, "after rotation");
        await("delivered with both signatures", () -> receivedIds(path).contains(id));
        assertEquals(2, receiver.at(path).get(0).signatures().split(" ").length);
        assertTrue(receiver.badSignatures.isEmpty(), () -> "bad signatures: " + receiver.badSignatures);
    }

    @Test
    void aSubscriptionThatKeepsFailingIsDisabledWithAReason() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        JsonPath subscription = subscribe(TestTokens.communityTeam(), path, List.of(Events.PARTNER_CHANGED), partner);
        receiver.down.set(true);
        events.partnerEvent(Events.PARTNER_CHANGED, partner, "never received");
        String id = subscription.getString("id");
        await("disabled", () -> !given().auth().oauth2(TestTokens.communityTeam()).get("/api/webhooks/{id}", id)
                .then().statusCode(200).extract().jsonPath().getBoolean("enabled"));
        JsonPath after = given().auth().oauth2(TestTokens.communityTeam()).get("/api/webhooks/{id}", id).then().extract().jsonPath();
        assertTrue(after.getString("disabledReason").contains("HTTP 503"), after::prettyPrint);
        // Re-enabled by staff once the receiver is back: the pending delivery goes out.
        receiver.down.set(false);
        String etag = given().auth().oauth2(TestTokens.communityTeam()).get("/api/webhooks/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of(Events.PARTNER_CHANGED), "partnerId", partner.toString(),
                        "enabled", true))
                .put("/api/webhooks/{id}", id).then().statusCode(200);
        await("delivered after re-enabling", () -> receiver.at(path).size() == 1);
    }

    private Set<String> receivedIds(String path) {
        Set<String> ids = new HashSet<>();
        for (Receiver.Received r : receiver.at(path)) {
            ids.add(r.eventId());
        }
        return ids;
    }

    /** Waits (up to a minute) for something to happen; never asserts on timing itself. */
    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never happened: " + what);
    }
}

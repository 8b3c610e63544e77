package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static dev.trellis.event.PartnerEvents.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.trellis.contracts.event.SponsorshipConfirmed;
import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.event.domain.ContactAffiliation;
import dev.trellis.event.domain.PartnerView;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SponsorshipTest {

    @Test
    void partnerEventsFromKafkaDecideWhoMaySponsor() throws Exception {
        UUID active = UUID.randomUUID();
        UUID lapsed = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        PartnerEvents.send(PartnerRegistered.TYPE, active, PartnerEvents.partner(active, "Aurora Labs", "ACTIVE", active + ".example"));
        PartnerEvents.send(PartnerRegistered.TYPE, lapsed, PartnerEvents.partner(lapsed, "Dusk Ltd", "ACTIVE", lapsed + ".example"));
        PartnerEvents.send(PartnerLapsed.TYPE, lapsed, "{\"partnerId\":\"" + lapsed
                + "\",\"previousStatus\":\"ACTIVE\",\"effectiveDate\":\"2026-10-01\",\"reason\":\"Did not renew\"}");
        PartnerEvents.send(MembershipChanged.TYPE, active, PartnerEvents.membership(active, "GOLD",
                LocalDate.now().minusMonths(3), LocalDate.now().plusMonths(9), 30, false, LocalDate.now().minusMonths(3),
                "STARTED"));
        PartnerEvents.send(AffiliationStarted.TYPE, active, "{\"affiliationId\":\"" + UUID.randomUUID() + "\",\"contactId\":\""
                + contact + "\",\"partnerId\":\"" + active + "\",\"role\":\"DEVELOPER\",\"startDate\":\"2025-01-01\"}");
        await(() -> status(lapsed), "LAPSED");
        await(() -> status(active), "ACTIVE");
        await(() -> QuarkusTransaction.requiringNew().call(() -> ContactAffiliation.count("contactId", contact) > 0 ? "yes" : "no"), "yes");

        UUID event = Fixtures.publishedEvent(100);
        given().auth().oauth2(team()).contentType(ContentType.JSON).body(sponsorship(lapsed, "EUR"))
                .post("/api/events/{id}/sponsorships", event).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("sponsor-not-active"));
        given().auth().oauth2(team()).contentType(ContentType.JSON).body(sponsorship(UUID.randomUUID(), "EUR"))
                .post("/api/events/{id}/sponsorships", event).then().statusCode(422);
        given().auth().oauth2(team()).contentType(ContentType.JSON).body(sponsorship(active, "XYZ"))
                .post("/api/events/{id}/sponsorships", event).then().statusCode(400).body("errors[0].field", equalTo("currency"));

        String id = given().auth().oauth2(team()).contentType(ContentType.JSON).body(sponsorship(active, "EUR"))
                .post("/api/events/{id}/sponsorships", event).then().statusCode(201)
                .body("status", equalTo("PROPOSED")).body("partnerName", equalTo("Aurora Labs"))
                .body("amount", equalTo(25000.5f)).extract().path("id");
        given().auth().oauth2(team()).post("/api/events/{e}/sponsorships/{s}/confirmation", event, id).then().statusCode(428);
        given().auth().oauth2(team()).header("If-Match", "\"0\"").post("/api/events/{e}/sponsorships/{s}/confirmation", event, id)
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        long recorded = QuarkusTransaction.requiringNew().call(() -> ((Number) PartnerView.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where type = :type and data->>'sponsorshipId' = :id"
                        + " and data->>'amount' = '25000.50' and data->>'currency' = 'EUR'")
                .setParameter("type", SponsorshipConfirmed.TYPE).setParameter("id", id).getSingleResult()).longValue());
        assertEquals(1, recorded);

        // A contact known from the affiliation event registers with its company snapshot.
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"name\":\"Aino\",\"email\":\"aino@" + active + ".example\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201)
                .body("partnerId", equalTo(active.toString())).body("partnerName", equalTo("Aurora Labs"));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/events/{id}/sponsorships", event).then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/events/{id}/sponsorships", event).then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void anEventsSponsorshipsComeAsAPageOfItemsWithANextCursorLikeEveryList() {
        UUID event = Fixtures.publishedEvent(100);
        UUID partnerA = UUID.fromString(TestTokens.PARTNER_A);
        ReadModel.partner(partnerA, "Acme Cloud", "ACTIVE", "acme-cloud.test");
        UUID other = UUID.randomUUID();
        ReadModel.partner(other, "Paged Oy", "ACTIVE", other + ".example");
        List<String> ids = new ArrayList<>();
        for (UUID partner : List.of(other, partnerA, other)) {
            ids.add(given().auth().oauth2(team()).contentType(ContentType.JSON).body(sponsorship(partner, "EUR"))
                    .post("/api/events/{id}/sponsorships", event).then().statusCode(201).extract().path("id"));
        }

        var first = given().auth().oauth2(team()).queryParam("limit", 2).get("/api/events/{id}/sponsorships", event)
                .then().statusCode(200).body("items.id", equalTo(ids.subList(0, 2)))
                .header("Link", containsString("rel=\"next\"")).extract();
        String next = first.path("next");
        assertNotNull(next);
        given().auth().oauth2(team()).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/events/{id}/sponsorships", event).then().statusCode(200)
                .body("items.id", equalTo(ids.subList(2, 3))).body("$", hasKey("next")).body("next", nullValue());
        given().auth().oauth2(TestTokens.partnerA()).get("/api/events/{id}/sponsorships", event).then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(1)))).body("next", nullValue());
        given().auth().oauth2(team()).queryParam("limit", 0).get("/api/events/{id}/sponsorships", event).then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private static String sponsorship(UUID partner, String currency) {
        return "{\"partnerId\":\"" + partner + "\",\"level\":\"GOLD\",\"amount\":25000.5,\"currency\":\"" + currency + "\"}";
    }

    private static String status(UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PartnerView view = PartnerView.findById(partner);
            return view == null ? null : view.lifecycleStatus;
        });
    }
}

package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static dev.trellis.event.PartnerEvents.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.event.domain.PartnerView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every row that names a partner by id names it too, from the partner read model fed by partner-service's events:
 * registrations (the company at registration), sponsorships (the partner as it was when agreed) and user-group
 * organisers (whom they work for now).
 */
@QuarkusTest
class PartnerNamesTest {

    @Test
    void aUserGroupsOrganisersCarryThePartnerTheyWorkFor() throws Exception {
        UUID partner = UUID.randomUUID();
        UUID organiser = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        PartnerEvents.send(PartnerRegistered.TYPE, partner,
                PartnerEvents.partner(partner, "Organised Oy", "ACTIVE", partner + ".example"));
        PartnerEvents.send(AffiliationStarted.TYPE, partner, affiliation(organiser, partner));
        await(() -> employerName(organiser), "Organised Oy");

        String group = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Names " + UUID.randomUUID() + "\",\"city\":\"Turku\",\"country\":\"FI\","
                        + "\"organiserIds\":[\"" + organiser + "\",\"" + unknown + "\"]}")
                .post("/api/user-groups").then().statusCode(201)
                .body(of(organiser) + ".partnerName", equalTo("Organised Oy")).extract().path("id");
        given().get("/api/user-groups/{id}", group).then().statusCode(200)
                .body("organiserIds", hasItems(organiser.toString(), unknown.toString()))
                .body("organisers", hasSize(2))
                .body(of(organiser) + ".partnerId", equalTo(partner.toString()))
                .body(of(organiser) + ".partnerName", equalTo("Organised Oy"))
                .body(of(unknown) + ".partnerId", nullValue()).body(of(unknown) + ".partnerName", nullValue());
        given().queryParam("limit", 200).get("/api/user-groups").then().statusCode(200)
                .body("items.find { it.id == '" + group + "' }.organisers.partnerName", hasItem("Organised Oy"));
    }

    @Test
    void registrationsAndSponsorshipsCarryThePartnersName() throws Exception {
        UUID partner = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        PartnerEvents.send(PartnerRegistered.TYPE, partner,
                PartnerEvents.partner(partner, "Snapshot Oy", "ACTIVE", partner + ".example"));
        PartnerEvents.send(MembershipChanged.TYPE, partner, PartnerEvents.membership(partner, "GOLD",
                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(11), 30, false, LocalDate.now().minusMonths(1),
                "STARTED"));
        PartnerEvents.send(AffiliationStarted.TYPE, partner, affiliation(contact, partner));
        await(() -> employerName(contact), "Snapshot Oy");

        UUID event = Fixtures.publishedEvent(100);
        String registration = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"name\":\"Sini\",\"email\":\"sini@" + partner + ".example\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201)
                .body("partnerId", equalTo(partner.toString())).body("partnerName", equalTo("Snapshot Oy"))
                .extract().path("id");
        Fixtures.registerGuest(event, "guest@" + partner + ".example");
        String sponsorship = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + partner + "\",\"level\":\"GOLD\",\"amount\":100,\"currency\":\"EUR\"}")
                .post("/api/events/{id}/sponsorships", event).then().statusCode(201)
                .body("partnerName", equalTo("Snapshot Oy")).extract().path("id");

        // The partner is renamed before the sponsorship is agreed: it is agreed under the new name.
        PartnerEvents.send(PartnerChanged.TYPE, partner,
                PartnerEvents.partner(partner, "Snapshot Group Oy", "ACTIVE", partner + ".example"));
        await(() -> employerName(contact), "Snapshot Group Oy");
        given().auth().oauth2(team()).header("If-Match", "*")
                .post("/api/events/{e}/sponsorships/{s}/confirmation", event, sponsorship).then().statusCode(200)
                .body("partnerId", equalTo(partner.toString())).body("partnerName", equalTo("Snapshot Group Oy"));

        // Every row of the lists that names the partner names it too.
        given().auth().oauth2(team()).get("/api/events/{id}/registrations", event).then().statusCode(200)
                .body("items.findAll { it.partnerId != null }.partnerName", equalTo(java.util.List.of("Snapshot Oy",
                        "Snapshot Oy")))
                .body("items.find { it.id == '" + registration + "' }.partnerName", equalTo("Snapshot Oy"));
        given().auth().oauth2(team()).get("/api/events/{id}/sponsorships/{s}", event, sponsorship).then()
                .body("partnerName", equalTo("Snapshot Group Oy"));
    }

    /** The organiser entry of {@code contact}, as a GPath. */
    private static String of(UUID contact) {
        return "organisers.find { it.contactId == '" + contact + "' }";
    }

    private static String affiliation(UUID contact, UUID partner) {
        return "{\"affiliationId\":\"" + UUID.randomUUID() + "\",\"contactId\":\"" + contact + "\",\"partnerId\":\""
                + partner + "\",\"role\":\"DEVELOPER\",\"startDate\":\"2025-01-01\"}";
    }

    /** The name of the partner the read model says the contact works for, or "" while it knows none. */
    private static String employerName(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> PartnerView.getEntityManager().createQuery(
                "select p.name from ContactAffiliation a, PartnerView p where p.partnerId = a.partnerId"
                        + " and a.contactId = :c and a.active = true", String.class)
                .setParameter("c", contact).getResultStream().findFirst().orElse(""));
    }
}

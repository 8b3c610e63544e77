package dev.trellis.advisory;

import static io.restassured.RestAssured.given;

import dev.trellis.advisory.domain.AffiliationView;
import dev.trellis.advisory.domain.ContactView;
import dev.trellis.advisory.domain.MembershipEntry;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Boards, policies and read-model rows for the service's tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A new board with the given policy JSON; returns its id. */
    static UUID board(String policy) {
        String location = given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"name\":\"Board " + UUID.randomUUID() + "\",\"kind\":\"GOVERNING_BOARD\"}")
                .post("/api/boards").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/policy", id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag).body(policy)
                .put("/api/boards/{id}/policy", id).then().statusCode(200);
        return id;
    }

    /** A partner in the read model, as if partner-service's events had arrived. */
    static UUID partner(String tier, UUID parent) {
        return partner(UUID.randomUUID(), tier, parent);
    }

    static UUID partner(UUID id, String tier, UUID parent) {
        QuarkusTransaction.requiringNew().run(() -> {
            PartnerView view = PartnerView.findById(id);
            if (view == null) {
                view = new PartnerView();
                view.partnerId = id;
            }
            view.name = "Partner " + id.toString().substring(0, 8);
            view.lifecycleStatus = "ACTIVE";
            view.parentPartnerId = parent;
            view.updatedAt = Instant.now();
            view.persist();
            // a current member of the tier from always, until a membership event of the partner says otherwise
            MembershipEntry.delete("partnerId", id);
            MembershipEntry m = new MembershipEntry();
            m.partnerId = id;
            m.change = MembershipEntry.ASSUMED;
            m.tier = tier;
            m.reportedStatus = "CURRENT";
            m.effectiveDate = LocalDate.of(1970, 1, 1);
            m.recordedOn = LocalDate.now();
            m.recordedAt = Instant.now();
            m.assumed = true;
            m.persist();
        });
        return id;
    }

    /** A contact partner-service has registered (as if its contact-registered had arrived). */
    static UUID contact() {
        UUID contact = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ContactView view = new ContactView();
            view.contactId = contact;
            view.updatedAt = Instant.now();
            view.persist();
        });
        return contact;
    }

    /** A contact working for the partner since last year. */
    static UUID employee(UUID partner) {
        UUID contact = contact();
        QuarkusTransaction.requiringNew().run(() -> {
            AffiliationView a = new AffiliationView();
            a.affiliationId = UUID.randomUUID();
            a.contactId = contact;
            a.partnerId = partner;
            a.role = "EXECUTIVE_SPONSOR";
            a.startDate = LocalDate.now().minusYears(1);
            a.updatedAt = Instant.now();
            a.persist();
        });
        return contact;
    }

    static String appointment(UUID holder, UUID partner, String kind, String tier, LocalDate start, LocalDate end) {
        return "{\"holderContactId\":\"" + holder + "\",\"partnerId\":" + (partner == null ? "null" : "\"" + partner + "\"")
                + ",\"kind\":\"" + kind + "\",\"tierBasis\":" + (tier == null ? "null" : "\"" + tier + "\"")
                + ",\"termStart\":\"" + start + "\",\"termEnd\":" + (end == null ? "null" : "\"" + end + "\"") + "}";
    }

    /** Appoints as staff and returns the seat id. */
    static UUID appoint(UUID board, String body) {
        return UUID.fromString(given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(body)
                .post("/api/boards/{id}/seats", board).then().statusCode(201).extract().path("id"));
    }
}

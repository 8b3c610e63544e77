package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.advisory.demo.DemoData;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import dev.trellis.advisory.domain.PartnerView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {
    @Inject
    DemoData demo;

    @Test
    void theDemoBoardsHaveSeatsMeetingsAndASuspendedVoterAndLoadOnce() {
        demo.load();
        assertEquals(0, demo.load());
        String gb = "c3c3c3c3-0000-4000-8000-000000000001";
        String toc = "c3c3c3c3-0000-4000-8000-000000000002";
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/composition", gb)
                .then().statusCode(200).body("name", equalTo("Governing Board")).body("companies", hasSize(4));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/compliance", toc).then().statusCode(200)
                .body("votingSuspended", hasSize(1)).body("votingSuspended[0].partnerName", equalTo("Northstar Retail"))
                .body("termsEndingSoon", hasSize(1));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/meetings", toc).then().statusCode(200)
                .body("items", hasSize(5));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/seats", gb).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].tierBasis", equalTo("PLATINUM"));
    }

    @Test
    void aDemoPartnerTheReadModelKnowsOnlyByNameGetsItsDemoTier() {
        // partner-registered arrived before membership-changed: the row exists without a tier, and
        // seeding must neither skip the partner (its seats would then break the policy) nor fail.
        UUID borealis = UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002");
        QuarkusTransaction.requiringNew().run(() -> {
            PartnerView view = PartnerView.findById(borealis);
            if (view == null) {
                view = new PartnerView();
                view.partnerId = borealis;
                view.name = "Borealis Systems";
                view.lifecycleStatus = "ACTIVE";
                view.updatedAt = Instant.now();
                view.persist();
            }
            view.tier = null;
            view.membershipStatus = null;
        });
        demo.load();
        PartnerView after = QuarkusTransaction.requiringNew().call(() -> PartnerView.findById(borealis));
        assertEquals("GOLD", after.tier);
        assertEquals("CURRENT", after.membershipStatus);
    }
}

package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.advisory.demo.DemoData;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import dev.trellis.advisory.domain.ContactView;
import dev.trellis.advisory.domain.MembershipEntry;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.advisory.domain.policy.MembershipHistory;
import dev.trellis.advisory.persistence.PartnerReadModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {
    @Inject
    DemoData demo;
    @Inject
    PartnerReadModel readModel;

    @Test
    void theDemoBoardsHaveSeatsMeetingsAndASuspendedVoterAndLoadOnce() {
        demo.load();
        assertEquals(0, demo.load());
        String gb = "c3c3c3c3-0000-4000-8000-000000000001";
        String toc = "c3c3c3c3-0000-4000-8000-000000000002";
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/composition", gb)
                .then().statusCode(200).body("name", equalTo("Governing Board")).body("companies", hasSize(3))
                // Dunmore Data's seat was vacated: an entitled seat left empty, for the insights' story
                .body("companies.partnerId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("d0d0d0d0-0000-4000-8000-000000000004")));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/compliance", toc).then().statusCode(200)
                .body("votingSuspended", hasSize(1)).body("votingSuspended[0].partnerName", equalTo("Northstar Retail"))
                .body("termsEndingSoon", hasSize(1));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/meetings", toc).then().statusCode(200)
                .body("items", hasSize(5));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/seats", gb).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].tierBasis", equalTo("PLATINUM"));
    }

    @Test
    void theEndUserBoardHasAnEntitledSeatPacificaAirlinesNeverFilled() {
        demo.load();
        String board = "c3c3c3c3-0000-4000-8000-000000000003";
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/composition", board)
                .then().statusCode(200).body("name", equalTo("End User Advisory Board")).body("companies", hasSize(3));
        String last = QuarkusTransaction.requiringNew().call(() -> (String) PartnerView.getEntityManager().createNativeQuery(
                "select cast(data as text) from outbox_event where type = ?1 and aggregate_id = ?2 order by seq desc limit 1")
                .setParameter(1, dev.trellis.contracts.advisory.BoardCompositionChanged.TYPE).setParameter(2, board).getSingleResult());
        assertTrue(last.contains("{\"partnerId\":\"d0d0d0d0-0000-4000-8000-000000000016\",\"tier\":\"END_USER\",\"entitled\":1,"
                + "\"filled\":0}"), last);
        assertTrue(last.contains("{\"partnerId\":\"d0d0d0d0-0000-4000-8000-000000000014\",\"tier\":\"END_USER\",\"entitled\":1,"
                + "\"filled\":1}"), last);
    }

    @Test
    void aDemoPartnerTheReadModelKnowsOnlyByNameGetsItsDemoTier() {
        // partner-registered arrived before membership-changed: the row exists without a membership, and
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
            MembershipEntry.delete("partnerId", borealis);
        });
        demo.load();
        MembershipHistory after = QuarkusTransaction.requiringNew().call(() -> readModel.membership(borealis));
        assertEquals("GOLD", after.tierOn(LocalDate.now()));
        assertTrue(after.memberOn(LocalDate.now()));
    }

    @Test
    void theDemoHoldersAreKnownContacts() {
        demo.load();
        UUID acmeExec = UUID.nameUUIDFromBytes("trellis-demo-contact:a1a1a1a1-0000-4000-8000-000000000001:exec"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ContactView view = QuarkusTransaction.requiringNew().call(() -> ContactView.findById(acmeExec));
        assertTrue(view != null && !view.erased());
    }
}

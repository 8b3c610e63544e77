package dev.trellis.insights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.advisory.BoardCompositionChanged;
import dev.trellis.contracts.advisory.GroupSeats;
import dev.trellis.contracts.event.SponsorshipConfirmed;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.insights.domain.BoardComposition;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The level-playing-field report from board-composition-changed and sponsorship events. */
@QuarkusTest
class LevelPlayingFieldTest {
    @Inject
    ObjectMapper json;

    @Test
    void aBoardsGroupsAgainstTheCapAndTheConcentrationOfSeatsAndSponsorships() throws Exception {
        Events events = new Events(json);
        UUID a = partner(events, "Alpha " + UUID.randomUUID(), null);
        UUID aChild = partner(events, "Alpha Sub", a);
        UUID b = partner(events, "Beta " + UUID.randomUUID(), null);
        UUID board = UUID.randomUUID();
        String boardName = "Board " + board;
        // A 2 seats at a cap of 2 (near cap), B 1; 3 seats: shares 66.7/33.3, HHI 5556, elephant factor 1
        events.send(Events.ADVISORY_TOPIC, BoardCompositionChanged.TYPE, board, new BoardCompositionChanged(board, boardName,
                LocalDate.now(), 3, List.of(new GroupSeats(a, 2, 2), new GroupSeats(b, 1, 2))));
        UUID event = UUID.randomUUID();
        for (UUID sponsor : List.of(a, aChild, b)) {
            events.send(Events.EVENT_TOPIC, SponsorshipConfirmed.TYPE, event,
                    new SponsorshipConfirmed(event, UUID.randomUUID(), sponsor, "GOLD", "1000", "EUR"));
        }
        Events.await("the board's composition", () -> BoardComposition.findById(board) != null);
        Events.await("three sponsorships", () -> TimelineEntry.count("kind = ?1 and partnerId in ?2", TimelineKind.SPONSORED,
                List.of(a, aChild, b)) == 3);

        JsonPath report = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/insights/level-playing-field")
                .then().statusCode(200).body("boards.name", hasItem(boardName)).extract().jsonPath();
        String at = "boards.find { it.name == '" + boardName + "' }";
        Assertions.assertEquals(3, report.getInt(at + ".total"));
        Assertions.assertEquals(5556, report.getInt(at + ".hhi"));
        Assertions.assertEquals(1, report.getInt(at + ".elephantFactor"));
        Assertions.assertEquals("HIGH", report.getString(at + ".band"));
        Assertions.assertEquals(true, report.getBoolean(at + ".groups.find { it.groupId == '" + a + "' }.nearCap"));
        Assertions.assertEquals(false, report.getBoolean(at + ".groups.find { it.groupId == '" + b + "' }.nearCap"));
        Assertions.assertEquals(1, report.getList(at + ".trend").size(), "one month known");
        // sponsorships: the subsidiary counts for its parent's group
        Assertions.assertEquals(2, report.getInt("sponsorship.groups.find { it.groupId == '" + a + "' }.count"));
        Assertions.assertEquals(1, report.getInt("sponsorship.groups.find { it.groupId == '" + b + "' }.count"));

        given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/level-playing-field").then().statusCode(403);
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("months", 0).get("/api/insights/level-playing-field")
                .then().statusCode(400).body("errors[0].field", equalTo("months"));
    }

    private static UUID partner(Events events, String name, UUID parent) throws Exception {
        UUID id = UUID.randomUUID();
        events.send(Events.PARTNER_TOPIC, PartnerRegistered.TYPE, id, new PartnerRegistered(id, name, PartnerLifecycleStatus.ACTIVE,
                parent, "DE", List.of()));
        Events.await("partner " + name, () -> dev.trellis.insights.domain.PartnerProfile.findById(id) != null);
        return id;
    }
}

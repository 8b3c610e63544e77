package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Board meetings and the insight reports in the console: felix schedules a meeting on the demo Governing Board,
 * records its attendance, sees advisory-service's quorum, records a resolution with votes and sees the outcome;
 * opens the level-playing-field report (on the Governing Board every company group may hold one seat, so a
 * group holding one is at the cap) and asks what an acquisition would break. paula opens her boards and her
 * value report. Keyboard only; every page is checked by axe and saved as a screenshot.
 */
class BoardMeetingConsoleIT {

    private static final String GOVERNING_BOARD = "c3c3c3c3-0000-4000-8000-000000000001";

    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void felixRunsABoardMeetingReadsTheLevelPlayingFieldAndAsksWhatAnAcquisitionWouldBreak() {
        browser = new Browser("boards-felix");
        browser.signIn("felix");
        assertEquals("My work", browser.heading());

        browser.press(browser.find(By.linkText("Governing Board")));
        browser.waitForHeading("Governing Board");
        browser.press(browser.find(By.linkText("Meetings")));
        browser.waitForHeading("Meetings of Governing Board");
        browser.check("meetings", true);

        // The start is filled in with the current quarter hour (UTC): the meeting has begun, so its attendance can be recorded.
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Governing Board extraordinary meeting " + marker;
        browser.type(browser.find(By.id("f-title")), title);
        browser.type(browser.find(By.id("f-agenda")), "1. Events budget");
        browser.type(browser.find(By.id("f-venue")), "Foundation office, room 2");
        browser.check("schedule-form", true);
        browser.press(browser.find(By.xpath("//button[normalize-space()='Schedule the meeting']")));
        browser.waitForHeading(title);
        assertTrue(browser.waitFor(By.cssSelector("p.notice")).getText().contains("scheduled"));
        assertTrue(browser.find(By.id("quorum")).getText().contains("Not known yet"));
        assertTrue(browser.find(By.cssSelector("section[aria-labelledby='details-title'] dl")).getText()
                .contains("Where\nFoundation office, room 2"), "the venue is on the meeting's page");
        browser.check("meeting-scheduled", true);

        // Attendance: Acme Cloud's holder present, Cobalt Compute's represented by the alternate, Borealis Systems' absent.
        for (WebElement row : browser.all(By.cssSelector("table.attendance tbody tr"))) {
            String partner = row.findElements(By.tagName("td")).get(0).getText();
            WebElement presence = row.findElement(By.tagName("select"));
            presence.sendKeys(partner.startsWith("Borealis") ? "Absent" : partner.startsWith("Cobalt") ? "Represented" : "Present");
        }
        browser.check("attendance-form", true);
        browser.press(browser.find(By.xpath("//button[normalize-space()='Record the attendance']")));
        browser.waitUntil(d -> d.findElements(By.cssSelector("p.notice")).stream().anyMatch(n -> n.getText().contains("attendance is recorded")));
        String quorum = browser.find(By.id("quorum")).getText();
        assertTrue(quorum.startsWith("Quorum met:"), "a majority of the voting seats attended: " + quorum);
        browser.check("attendance-recorded", true);
        browser.keepForDocs("felix-meeting-quorum");

        // A resolution: every voting member present votes yes; the absent holder has no vote to give.
        String resolution = "Adopt the events budget " + marker;
        browser.type(browser.find(By.id("f-title")), resolution);
        List<WebElement> votes = browser.all(By.cssSelector("select[name=votes]"));
        assertFalse(votes.isEmpty(), "the voting members present may vote");
        for (WebElement vote : votes) {
            vote.sendKeys("Yes");
        }
        browser.press(browser.find(By.xpath("//button[normalize-space()='Record the resolution']")));
        WebElement recorded = browser.waitUntil(d -> d.findElements(By.cssSelector("#resolutions li")).stream()
                .filter(li -> li.getText().contains(resolution)).findFirst().orElse(null));
        assertTrue(recorded.getText().contains("Adopted"), recorded.getText());
        assertTrue(recorded.getText().contains(votes.size() + " yes, 0 no"), recorded.getText());
        browser.check("resolution-adopted", true);
        browser.keepForDocs("felix-resolution-adopted");

        // The level playing field: on the Governing Board a company group with its one seat is at the cap.
        browser.press(browser.find(By.linkText("Level playing field")));
        browser.waitForHeading("Level playing field");
        WebElement board = browser.waitFor(By.id("board-" + GOVERNING_BOARD));
        List<WebElement> nearCap = board.findElements(By.cssSelector("table.shares tr.near-cap"));
        assertFalse(nearCap.isEmpty(), "a demo company group is near its seat cap: " + board.getText());
        assertTrue(nearCap.get(0).getText().contains("Near cap"), nearCap.get(0).getText());
        assertTrue(board.getText().contains("elephant factor"), board.getText());
        assertFalse(board.findElements(By.cssSelector("svg[role=img] desc")).isEmpty(), "the charts have text alternatives");
        browser.check("level-playing-field", true);
        browser.keepForDocs("felix-level-playing-field");

        // What if Acme Cloud acquired Cobalt Compute? Both hold a Governing Board seat: the group cap would break.
        browser.press(browser.find(By.linkText("What if a partner is acquired")));
        browser.waitForHeading("What if a partner is acquired");
        browser.find(By.id("f-acquirerPartnerId")).sendKeys("Acme Cloud");
        browser.find(By.id("f-acquiredPartnerId")).sendKeys("Cobalt Compute");
        browser.check("what-if-form", true);
        browser.press(browser.find(By.xpath("//button[normalize-space()='Show what would break']")));
        WebElement summary = browser.waitFor(By.id("what-if-summary"));
        assertTrue(summary.getText().contains("Nothing has been changed"), summary.getText());
        WebElement outcome = browser.find(By.id("wi-" + GOVERNING_BOARD));
        assertTrue(outcome.getAttribute("class").contains("affected"), outcome.getText());
        assertTrue(outcome.getText().contains("company-group-cap"), outcome.getText());
        assertTrue(outcome.getText().contains("New"), outcome.getText());
        browser.check("what-if-result", true);
        browser.keepForDocs("felix-what-if");
    }

    @Test
    void paulaSeesHerOrganisationsBoardsAndItsValueReportWithoutScores() {
        browser = new Browser("boards-paula");
        browser.signIn("paula");
        assertEquals("Acme Cloud", browser.heading());

        browser.press(browser.find(By.linkText("My boards")));
        browser.waitForHeading("My boards");
        WebElement board = browser.waitFor(By.id("b-" + GOVERNING_BOARD));
        assertTrue(board.getText().contains("Governing Board"), board.getText());
        assertTrue(board.getText().contains("TIER_APPOINTED"), board.getText());
        browser.assertText("Technical Oversight Committee");
        String main = browser.find(By.tagName("main")).getText();
        assertFalse(main.contains("Borealis") || main.contains("Cobalt"), "only her organisation's seats");
        browser.check("my-boards", true);
        browser.keepForDocs("paula-boards");

        List<WebElement> meetings = board.findElements(By.cssSelector("ul a"));
        assertFalse(meetings.isEmpty(), "the Governing Board's meetings are listed while Acme Cloud holds a seat");
        String meeting = meetings.get(0).getText();
        browser.press(meetings.get(0));
        browser.waitForHeading(meeting);
        browser.assertText("Agenda");
        browser.check("my-board-meeting", true);

        browser.press(browser.find(By.linkText("Value report")));
        browser.waitForHeading("Value report for Acme Cloud");
        browser.assertText("Board meetings represented");
        browser.assertText("Governing Board");
        browser.press(browser.find(By.xpath("//button[normalize-space()='Show this period']")));
        browser.waitUntil(d -> d.getCurrentUrl().contains("from=") && d.getCurrentUrl().contains("to=") ? true : null);
        browser.waitForHeading("Value report for Acme Cloud");
        String report = browser.find(By.tagName("main")).getText();
        assertFalse(report.contains("Health") || report.contains("score") || report.contains("reason"), "no scores or reasons");
        browser.check("value-report", true);
        browser.keepForDocs("paula-value-report");

        // The foundation's report is not hers.
        browser.open("/reports/level-playing-field", "refused-level-playing-field");
        assertEquals("Not yours to see", browser.heading());
    }
}

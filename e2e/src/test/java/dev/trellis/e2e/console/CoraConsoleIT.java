package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The community team's day: the worklist, a partner's page, a touchpoint logged in under a minute. */
class CoraConsoleIT {

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("cora");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void coraLogsATouchpointWithANextStepAndFindsItOnTheTimelineAndInHerWorklist() {
        browser.signIn("cora");
        assertEquals("My work", browser.heading(), "the community team lands on its work, not on a menu");
        browser.assertText("My next steps");
        browser.assertText("Partners at risk");
        browser.check("home", true);
        browser.keepForDocs("cora-home");

        // Find the partner with the search, by keyboard.
        browser.press(browser.find(By.linkText("Partners")));
        browser.waitForHeading("Partners");
        WebElement q = browser.waitFor(By.id("f-q"));
        browser.type(q, "Acme");
        q.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=Acme") ? true : null);
        browser.waitFor(By.linkText("Acme Cloud"));
        browser.check("search", true);
        browser.press(By.linkText("Acme Cloud"));
        browser.waitForHeading("Acme Cloud");
        browser.assertText("Engagement timeline");
        browser.assertText("Health");
        browser.check("partner", true);
        browser.keepForDocs("cora-partner");

        String marker = UUID.randomUUID().toString().substring(0, 8);
        String summary = "Roadmap call " + marker;
        String step = "Send the roadmap deck " + marker;
        Instant started = Instant.now();
        browser.press(browser.find(By.linkText("Log a touchpoint")));
        browser.waitForHeading("Log a touchpoint with Acme Cloud");
        browser.check("touchpoint-form", true);

        // A refusal from the API is shown next to its field: a next step owned by nobody the service knows.
        browser.type(browser.find(By.id("f-summary")), summary);
        browser.type(browser.find(By.id("f-nextSteps-0-description")), step);
        browser.type(browser.find(By.id("f-nextSteps-0-owner")), "not a user!");
        browser.press(browser.find(By.cssSelector("form.stack button[type=submit]")));
        WebElement ownerError = browser.waitFor(By.id("e-step-owner"));
        assertTrue(ownerError.getText().contains("staff username"), ownerError.getText());
        assertEquals("true", browser.find(By.id("f-nextSteps-0-owner")).getAttribute("aria-invalid"));
        assertEquals(summary, browser.find(By.id("f-summary")).getAttribute("value"), "what was typed is kept");
        browser.check("touchpoint-refused", true);
        browser.keepForDocs("cora-touchpoint-refused");

        browser.type(browser.find(By.id("f-nextSteps-0-owner")), "cora");
        WebElement attendee = browser.find(By.cssSelector("input[name=attendeeContactIds]"));
        attendee.sendKeys(Keys.SPACE);
        assertTrue(attendee.isSelected());
        browser.press(browser.find(By.cssSelector("form.stack button[type=submit]")));
        browser.waitForHeading("Acme Cloud");
        browser.waitFor(By.cssSelector("p.notice"));
        Duration took = Duration.between(started, Instant.now());
        assertTrue(took.compareTo(Duration.ofMinutes(1)) < 0, "logging the touchpoint took " + took);
        WebElement logged = browser.waitUntil(d -> d.findElements(By.cssSelector("#touchpoints li")).stream()
                .filter(li -> li.getText().contains(summary)).findFirst().orElse(null));
        String touchpointId = logged.getAttribute("id").substring("tp-".length());
        assertTrue(logged.getText().contains(step));
        browser.check("touchpoint-logged", true);

        // The timeline (insights-service, fed by the touchpoint-logged event) shows it within seconds.
        boolean onTimeline = false;
        for (int i = 0; i < 20 && !onTimeline; i++) {
            browser.open("/partners/" + Stack.PARTNER_A + "?kind=TOUCHPOINT", "timeline");
            onTimeline = !browser.all(By.cssSelector("#timeline li[data-source-id='" + touchpointId + "']")).isEmpty();
            if (!onTimeline) {
                sleep(500);
            }
        }
        assertTrue(onTimeline, "the touchpoint " + touchpointId + " is on Acme Cloud's timeline");
        browser.keepForDocs("cora-timeline");

        // And the next step is on her worklist, where she marks it done (htmx swaps the row).
        browser.press(browser.find(By.linkText("My work")));
        browser.waitForHeading("My work");
        WebElement row = browser.waitUntil(d -> d.findElements(By.cssSelector("#steps li")).stream()
                .filter(li -> li.getText().contains(step)).findFirst().orElse(null));
        String rowId = row.getAttribute("id");
        browser.check("worklist", true);
        browser.press(row.findElement(By.cssSelector("button")));
        browser.waitUntil(d -> d.findElement(By.id(rowId)).getAttribute("class").contains("done"));
        assertTrue(browser.find(By.id(rowId)).getText().contains("Reopen"));
        browser.check("step-done", true);
        browser.keepForDocs("cora-worklist-done");
        assertFalse(browser.driver().getPageSource().contains("access_token"), "no token reaches the browser");

        // Growth leads: the demo's Helsinki meetup of Vantage Robotics, a company that is not a partner.
        browser.press(browser.find(By.linkText("Growth leads")));
        browser.waitForHeading("Growth leads");
        assertTrue(browser.find(By.id("prospects")).getText().contains("vantage-robotics.example"),
                browser.find(By.id("prospects")).getText());
        browser.check("growth-leads", true);
        browser.keepForDocs("cora-growth-leads");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

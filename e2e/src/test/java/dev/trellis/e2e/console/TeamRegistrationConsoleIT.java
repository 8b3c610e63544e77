package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The community team registers a person the CRM knows for an upcoming event: found by the contact search from the
 * event's page, picked among the matches, registered under the name and address on record; the page says whether
 * they got a seat, they are in the registrations list (and its CSV), and the registration is cancelled again.
 */
class TeamRegistrationConsoleIT {

    /** The demo's Backstage webinar of Platform Engineering Berlin: published, 200 seats, registration open. */
    private static final String EVENT = "e5e5e5e5-0000-4000-8000-000000000202";
    private static final String TITLE = "Platform Engineering Berlin online: Backstage plugins";
    private static final URI REGISTRATIONS = Stack.GATEWAY.resolve("/api/events/" + EVENT + "/registrations?limit=200");
    /** Greta Moreau of Dunmore Data; another Greta Moreau works at Northstar Retail, so the search finds two. */
    private static final String EMAIL = "dev@dunmore-data.example";
    private static final String LIVE_ROW = "//section[@id='registrations']//tr[td[normalize-space()='" + EMAIL + "']]"
            + "[td[normalize-space()='REGISTERED' or normalize-space()='WAITLISTED']]";

    private Browser browser;

    @BeforeEach
    void start() {
        assertTrue(live().isMissingNode(), EMAIL + " is not registered for the webinar: " + live());
        browser = new Browser("team-registration");
    }

    @AfterEach
    void stop() {
        browser.close();
        // Whatever happened above, the webinar ends without this registration (a cancelled one stays listed as such).
        JsonNode left = live();
        if (!left.isMissingNode()) {
            Http.Response cancelled = Http.call(Caller.TEAM, "DELETE",
                    Stack.GATEWAY.resolve("/api/events/" + EVENT + "/registrations/" + left.path("id").asText()), null);
            assertEquals(200, cancelled.status(), cancelled.toString());
        }
    }

    @Test
    void coraRegistersAKnownContactFoundBySearchSeesTheOutcomeAndTheRegistrationAndCancelsIt() {
        browser.signIn("cora");
        browser.press(browser.find(By.linkText("Events")));
        browser.waitForHeading("Events");
        browser.press(By.linkText(TITLE));
        browser.waitForHeading(TITLE);

        WebElement q = browser.find(By.id("f-contact-q"));
        browser.type(q, "Greta Moreau");
        q.sendKeys(Keys.ENTER);
        browser.waitForHeading("Register a contact for " + TITLE);
        WebElement found = browser.waitFor(By.id("found"));
        assertTrue(found.getText().contains(EMAIL) && found.getText().contains("dev@northstar-retail.example"),
                "both Greta Moreaus, each with address and employer: " + found.getText());
        assertTrue(found.getText().contains("Dunmore Data"), found.getText());
        browser.check("contact-search", true);

        // Pick the one at Dunmore Data: Space on its radio button.
        WebElement label = found.findElement(By.xpath(".//label[contains(., '" + EMAIL + "')]"));
        WebElement radio = browser.find(By.id(label.getAttribute("for")));
        radio.sendKeys(Keys.SPACE);
        assertTrue(radio.isSelected());
        browser.check("contact-picked", true);
        browser.keepForDocs("cora-register-contact");
        browser.press(browser.find(By.xpath("//button[normalize-space()='Register for " + TITLE + "']")));

        WebElement outcome = browser.waitFor(By.cssSelector("p.notice"));
        assertTrue(outcome.getText().equals("Greta Moreau is registered (REGISTERED).")
                || outcome.getText().startsWith("The event is full: Greta Moreau is on the waitlist"), outcome.getText());
        JsonNode registration = live();
        assertEquals("Greta Moreau", registration.path("name").asText(), registration.toString());
        assertTrue(registration.path("contactId").isTextual(), "registered as the contact, not as a guest: " + registration);
        browser.check("contact-registered", true);

        browser.press(browser.find(By.linkText("Back to the event")));
        browser.waitForHeading(TITLE);
        WebElement row = browser.waitFor(By.xpath(LIVE_ROW));
        assertTrue(row.getText().startsWith("Greta Moreau") && row.getText().contains("Dunmore Data"), row.getText());
        browser.check("event-with-registration", true);

        // The list's CSV has them too (what "Download the registrations as CSV" answers to this session).
        Http.Response csv = browser.download(browser.find(By.partialLinkText("Download the registrations as CSV")));
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertTrue(csv.body().lines().anyMatch(l -> l.contains(registration.path("id").asText()) && l.contains(EMAIL)), csv.body());

        String rowId = row.getAttribute("id");
        browser.press(row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Cancel registration')]")));
        browser.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("The registration is cancelled") ? true : null);
        assertTrue(browser.waitFor(By.id(rowId)).getText().contains("CANCELLED"), browser.find(By.id(rowId)).getText());
        assertTrue(live().isMissingNode(), "event-service has the registration cancelled");
        browser.check("registration-cancelled", true);
    }

    /** The live (registered or waitlisted) registration of {@link #EMAIL} for the webinar, or a missing node. */
    private static JsonNode live() {
        Http.Response r = Http.get(Caller.TEAM, REGISTRATIONS);
        assertEquals(200, r.status(), r.toString());
        for (JsonNode reg : r.json().path("items")) {
            String status = reg.path("status").asText();
            if (EMAIL.equalsIgnoreCase(reg.path("email").asText()) && (status.equals("REGISTERED") || status.equals("WAITLISTED"))) {
                return reg;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}

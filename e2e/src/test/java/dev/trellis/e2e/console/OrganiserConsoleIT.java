package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The community team edits a user group's organisers: cora opens Berlin Platform Engineers (no organiser in the demo),
 * finds Greta Moreau of Dunmore Data by the contact search, adds her, sees her listed by name and employer, and
 * removes her again.
 */
class OrganiserConsoleIT {

    private static final URI GROUP = Stack.GATEWAY.resolve("/api/user-groups/e7e7e7e7-0000-4000-8000-000000000002");
    private static final String NAME = "Berlin Platform Engineers";
    private static final String EMAIL = "dev@dunmore-data.example";

    private Browser browser;

    @BeforeEach
    void start() {
        assertEquals(0, group().json().path("organiserIds").size(), "the demo's group has no organiser: " + group());
        browser = new Browser("organisers");
    }

    @AfterEach
    void stop() {
        browser.close();
        // Whatever happened above, the group ends without organisers, as the demo has it.
        Http.Response now = group();
        if (now.json().path("organiserIds").size() > 0) {
            Http.Response patched = Http.call(Caller.TEAM, "PATCH", GROUP, "{\"organiserIds\":[]}",
                    Map.of("If-Match", now.header("ETag").orElseThrow()));
            assertEquals(200, patched.status(), patched.toString());
        }
    }

    @Test
    void coraAddsAContactFoundBySearchAsOrganiserOfAUserGroupAndRemovesThemAgain() {
        browser.signIn("cora");
        browser.press(browser.find(By.linkText("Events")));
        browser.waitForHeading("Events");
        browser.press(browser.find(By.linkText("User groups")));
        browser.waitForHeading("User groups");
        browser.press(By.linkText(NAME));
        browser.waitForHeading(NAME);
        browser.assertText("Nobody organises " + NAME + " yet.");
        browser.check("group", true);

        WebElement q = browser.find(By.id("f-q"));
        browser.type(q, "Greta Moreau");
        q.sendKeys(Keys.ENTER);
        WebElement label = browser.waitFor(By.xpath("//label[contains(., '" + EMAIL + "')]"));
        WebElement radio = browser.find(By.id(label.getAttribute("for")));
        radio.sendKeys(Keys.SPACE);
        assertTrue(radio.isSelected());
        browser.check("organiser-found", true);
        browser.press(browser.find(By.xpath("//button[normalize-space()='Add as organiser']")));

        browser.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("The organiser is added.") ? true : null);
        WebElement row = browser.waitFor(By.xpath("//section[@id='organisers']//tr[td[normalize-space()='Dunmore Data']]"));
        assertTrue(row.getText().startsWith("Greta Moreau"), row.getText());
        JsonNode organisers = group().json().path("organisers");
        assertEquals(1, organisers.size(), organisers.toString());
        assertEquals("Dunmore Data", organisers.get(0).path("partnerName").asText(), "event-service has her, with her employer");
        browser.check("organiser-added", true);
        browser.keepForDocs("cora-user-group-organisers");

        browser.press(row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Remove')]")));
        browser.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("The organiser is removed.") ? true : null);
        browser.assertText("Nobody organises " + NAME + " yet.");
        assertEquals(0, group().json().path("organiserIds").size(), "event-service has no organiser again");
        browser.check("organiser-removed", true);
    }

    private static Http.Response group() {
        Http.Response r = Http.get(Caller.TEAM, GROUP);
        assertEquals(200, r.status(), r.toString());
        return r;
    }
}

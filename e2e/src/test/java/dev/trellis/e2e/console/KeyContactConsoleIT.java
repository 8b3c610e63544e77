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
 * Foundation staff name one of a member's current people as its billing contact on the membership page, see them
 * listed with their address, and clear the role again: Acme Cloud's key contacts end as the demo has them.
 */
class KeyContactConsoleIT {

    private static final URI KEY_CONTACTS = Stack.GATEWAY.resolve("/api/partners/" + Stack.PARTNER_A + "/membership/key-contacts");
    private static final String BILLING_ROW = "//section[@id='key-contacts']//tr[th[normalize-space()='Billing contact']]";

    private Browser browser;

    @BeforeEach
    void start() {
        assertTrue(billing().isMissingNode(), "Acme Cloud has no billing contact in the demo data: " + billing());
        browser = new Browser("key-contacts");
    }

    @AfterEach
    void stop() {
        browser.close();
        // Whatever happened above, leave Acme Cloud without a billing contact, as the demo has it.
        if (!billing().isMissingNode()) {
            Http.Response removed = Http.call(Caller.STAFF, "DELETE", URI.create(KEY_CONTACTS + "/BILLING"), null);
            assertEquals(204, removed.status(), removed.toString());
        }
    }

    @Test
    void felixNamesOneOfAcmeCloudsPeopleAsBillingContactSeesThemListedAndClearsTheRoleAgain() {
        browser.signIn("felix");
        browser.press(browser.find(By.linkText("Partners")));
        browser.waitForHeading("Partners");
        WebElement q = browser.waitFor(By.id("f-q"));
        browser.type(q, "Acme");
        q.sendKeys(Keys.ENTER);
        // The search swaps the list in place (htmx): press the link of the answer, not of the page before it.
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=Acme") ? true : null);
        browser.waitFor(By.linkText("Acme Cloud"));
        browser.press(By.linkText("Acme Cloud"));
        browser.waitForHeading("Acme Cloud");
        browser.press(By.partialLinkText("key contacts"));
        browser.waitForHeading("Membership of Acme Cloud");
        assertEquals("Nobody", billingRow().findElement(By.xpath("td[1]")).getText());
        browser.check("membership", true);

        // The role, then one of the partner's people today (typing into a select picks by its label).
        browser.find(By.id("f-role")).sendKeys("Billing contact");
        browser.find(By.id("f-contactId")).sendKeys("Dmitri Tanaka");
        browser.press(browser.find(By.xpath("//button[normalize-space()='Name as key contact']")));
        browser.waitForHeading("Membership of Acme Cloud");
        WebElement notice = browser.waitFor(By.cssSelector("p.notice"));
        assertTrue(notice.getText().contains("The key contact is named."), notice.getText());
        String named = billingRow().getText();
        assertTrue(named.contains("Dmitri Tanaka") && named.contains("dev@acme-cloud.example"), named);
        assertEquals("Dmitri Tanaka", billing().path("contactName").asText(), "partner-service has the billing contact");
        // The redirect's #key-contacts is lost in htmx's request: bring the section into view for the screenshot.
        browser.scrollTo(By.id("key-contacts"));
        browser.check("key-contact-named", true);
        browser.keepForDocs("felix-key-contacts");

        browser.press(billingRow().findElement(By.xpath(".//button[starts-with(normalize-space(), 'Remove')]")));
        browser.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("The key-contact role is cleared.") ? true : null);
        assertEquals("Nobody", billingRow().findElement(By.xpath("td[1]")).getText());
        assertTrue(billing().isMissingNode(), "the billing contact is cleared in partner-service");
        browser.check("key-contact-cleared", true);
    }

    private WebElement billingRow() {
        return browser.waitFor(By.xpath(BILLING_ROW));
    }

    /** Acme Cloud's billing contact as partner-service has it, or a missing node. */
    private static JsonNode billing() {
        Http.Response r = Http.get(Caller.STAFF, KEY_CONTACTS);
        assertEquals(200, r.status(), r.toString());
        for (JsonNode k : r.json().path("items")) {
            if ("BILLING".equals(k.path("role").asText())) {
                return k;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}

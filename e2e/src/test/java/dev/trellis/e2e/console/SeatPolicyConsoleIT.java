package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.WebElement;

/**
 * Foundation staff read the Governing Board's seat policy in words and edit it through the one form: the quorum
 * goes from 1/2 to 2/3 and back, each save confirmed, and the policy ends exactly as it was (the form sends
 * back every rule it did not touch unchanged).
 */
class SeatPolicyConsoleIT {

    private static final String GOVERNING_BOARD = "c3c3c3c3-0000-4000-8000-000000000001";
    private static final URI POLICY = Stack.GATEWAY.resolve("/api/boards/" + GOVERNING_BOARD + "/policy");

    private Browser browser;
    private JsonNode before;

    @BeforeEach
    void start() {
        before = policy().json();
        browser = new Browser("seat-policy");
    }

    @AfterEach
    void stop() {
        browser.close();
        // Other tests rely on this board's rules (its company cap, its quorum): whatever happened above, put them back.
        Http.Response now = policy();
        if (!now.json().equals(before)) {
            Http.Response put = Http.call(Caller.STAFF, "PUT", POLICY, before.toString(),
                    Map.of("If-Match", now.header("ETag").orElseThrow()));
            assertEquals(200, put.status(), "the policy put back: " + put);
        }
    }

    @Test
    void felixReadsTheGoverningBoardsSeatPolicyInWordsAndChangesItsQuorumAndBackAgain() {
        assertEquals("1/2", fraction(before.path("quorum")), "the demo's quorum, which this test changes and restores");

        browser.signIn("felix");
        browser.press(browser.find(By.linkText("Governing Board")));
        browser.waitForHeading("Governing Board");
        browser.press(browser.find(By.linkText("Seat policy")));
        browser.waitForHeading("Seat policy of Governing Board");
        browser.assertText("Each Platinum member appoints 1 seat.");
        browser.assertText("Gold members appoint one seat per 5 members (rounded down), at most 3 seats.");
        browser.assertText("One company group (a company with its parents and subsidiaries) holds at most 1 seat of any kind.");
        browser.assertText("Quorum: at least 1/2 of the voting seats present");
        browser.assertText("A resolution passes with yes votes of more than 1/2 of the voting members present.");
        browser.check("policy", true);
        browser.keepForDocs("felix-seat-policy");

        setQuorum("2/3");
        assertFalse(browser.find(By.tagName("main")).getText().contains("Quorum: at least 1/2"));
        browser.assertText("A resolution passes with yes votes of more than 1/2 of the voting members present.");
        assertEquals("2/3", fraction(policy().json().path("quorum")), "advisory-service has the new quorum");

        setQuorum("1/2");
        assertEquals(before, policy().json(), "after changing it back the policy is exactly the demo's again");
    }

    /** Edit the rules, replace the quorum, save: the policy page again, saying so, with the new quorum in words. */
    private void setQuorum(String fraction) {
        browser.press(browser.find(By.linkText("Edit the rules")));
        browser.waitForHeading("Edit the seat policy of Governing Board");
        WebElement quorum = browser.find(By.id("f-quorum"));
        assertFalse(quorum.getAttribute("value").isBlank(), "the form is filled from the policy");
        browser.check("policy-edit-" + fraction.replace('/', '-'), true);
        if (fraction.equals("2/3")) {
            browser.keepForDocs("felix-seat-policy-edit");
        }
        browser.type(quorum, fraction);
        browser.press(browser.find(By.xpath("//button[normalize-space()='Save the policy']")));
        browser.waitForHeading("Seat policy of Governing Board");
        WebElement notice = browser.waitFor(By.cssSelector("p.notice"));
        assertTrue(notice.getText().contains("The seat policy is saved"), notice.getText());
        browser.assertText("Quorum: at least " + fraction + " of the voting seats present");
        browser.check("policy-saved-" + fraction.replace('/', '-'), true);
    }

    private static Http.Response policy() {
        Http.Response r = Http.get(Caller.STAFF, POLICY);
        assertEquals(200, r.status(), r.toString());
        return r;
    }

    private static String fraction(JsonNode f) {
        return f.path("numerator").asText() + "/" + f.path("denominator").asText();
    }
}

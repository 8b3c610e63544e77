package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Stack;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A partner user: their own organisation, editable where self-service allows, and nothing of another partner. */
class PaulaConsoleIT {

    private static final UUID GOVERNING_BOARD = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000001");

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("paula");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void paulaEditsHerOrganisationsDescriptionAndCannotReachAnotherPartnersPages() {
        browser.signIn("paula");
        assertEquals("Acme Cloud", browser.heading(), "a partner user lands on their own organisation");
        browser.assertText("Membership");
        browser.assertText("Your people");
        String main = browser.find(By.tagName("main")).getText();
        assertFalse(main.contains("Health") || main.contains("Touchpoints") || main.contains("notes"),
                "no scores, no touchpoints, no internal notes for partners");
        browser.check("organisation", true);
        browser.keepForDocs("paula-organisation");

        browser.press(browser.find(By.linkText("Edit profile")));
        browser.waitForHeading("Edit Acme Cloud");
        // A website the API refuses: the message is shown next to the field, nothing is saved.
        browser.type(browser.find(By.id("f-website")), "ftp://acme.example");
        browser.press(browser.find(By.cssSelector("form.stack button[type=submit]")));
        assertTrue(browser.waitFor(By.id("e-website")).getText().contains("http"));
        browser.check("profile-refused", true);

        String description = "Acme Cloud builds open cloud tooling. Edited in the console " + UUID.randomUUID();
        browser.type(browser.find(By.id("f-website")), "https://www.acme-cloud.example");
        browser.type(browser.find(By.id("f-description")), description);
        browser.press(browser.find(By.cssSelector("form.stack button[type=submit]")));
        browser.waitForHeading("Acme Cloud");
        browser.waitFor(By.cssSelector("p.notice"));
        assertEquals(description, browser.find(By.id("description")).getText());
        browser.check("profile-saved", true);
        browser.keepForDocs("paula-profile-saved");

        // Every page of another partner, or of the foundation's own work, by URL: refused, with nothing of it shown.
        List<String> foreign = List.of(
                "/partners/" + Stack.PARTNER_B,
                "/partners/" + Stack.PARTNER_B + "/touchpoints/new",
                "/partners/" + Stack.PARTNER_A,
                "/partners?q=Borealis",
                "/boards/" + GOVERNING_BOARD,
                "/boards/" + GOVERNING_BOARD + "/appoint?partnerId=" + Stack.PARTNER_B,
                "/events",
                "/");
        int i = 0;
        for (String path : foreign) {
            browser.open(path, "refused-" + (++i));
            if (path.equals("/")) {
                assertEquals("Acme Cloud", browser.heading(), "home is her own organisation");
                continue;
            }
            String heading = browser.heading();
            assertTrue(heading.equals("Not yours to see") || heading.equals("Nothing here"), path + " showed " + heading);
            String text = browser.find(By.tagName("main")).getText();
            assertFalse(text.contains("Borealis"), path + " shows another partner's name");
            if (i == 1) {
                browser.keepForDocs("paula-refused");
            }
        }
    }
}

package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Stack;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The partner register in the console: cora registers a partner, adds a contact to it and moves that
 * contact to Borealis Systems, and sees the past and the current role; felix starts a membership for the
 * new partner, finds it among the renewals due, renews it and schedules a tier change. Keyboard only.
 */
class PartnerAdminConsoleIT {

    private static final Pattern UUID_IN_PATH = Pattern.compile("/partners/([0-9a-f-]{36})(?:/contacts/([0-9a-f-]{36}))?");

    @Test
    void coraRegistersAPartnerAddsAContactAndMovesThemAndFelixManagesItsMembership() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String partnerName = "Windward " + marker;
        String domain = "windward-" + marker + ".example";
        String contactName = "Ada Mover-" + marker;
        LocalDate today = LocalDate.now();
        String partnerId;

        try (Browser cora = new Browser("partner-admin-cora")) {
            cora.signIn("cora");
            assertEquals("My work", cora.heading());
            cora.press(cora.find(By.linkText("Partners")));
            cora.waitForHeading("Partners");
            cora.check("search", true);

            cora.press(cora.find(By.linkText("New partner")));
            cora.waitForHeading("New partner");
            cora.check("partner-form", true);
            cora.type(cora.find(By.id("f-name")), partnerName);
            cora.type(cora.find(By.id("f-website")), "not a web address");
            cora.type(cora.find(By.id("f-emailDomains")), domain);
            cora.type(cora.find(By.id("f-country")), "DK");
            cora.type(cora.find(By.id("f-description")), "Offshore wind software, registered by the e2e test " + marker);
            cora.press(cora.find(By.cssSelector("form.stack button[type=submit]")));

            // The API refuses the website: the message is next to the field, what was typed is kept.
            WebElement websiteError = cora.waitFor(By.id("e-website"));
            assertTrue(!websiteError.getText().isBlank());
            assertEquals("true", cora.find(By.id("f-website")).getAttribute("aria-invalid"));
            assertEquals(partnerName, cora.find(By.id("f-name")).getAttribute("value"));
            cora.check("partner-refused", true);

            cora.type(cora.find(By.id("f-website")), "https://www." + domain);
            cora.press(cora.find(By.cssSelector("form.stack button[type=submit]")));
            cora.waitForHeading(partnerName);
            assertTrue(cora.waitFor(By.cssSelector("p.notice")).getText().contains("registered"));
            cora.assertText(domain);
            partnerId = ids(cora, "Edit profile")[0];
            cora.check("partner-created", true);

            // A contact at the new partner, a technical lead since a year ago.
            cora.press(cora.find(By.linkText("Add a contact")));
            cora.waitForHeading("New contact at " + partnerName);
            cora.type(cora.find(By.id("f-firstName")), "Ada");
            cora.type(cora.find(By.id("f-lastName")), "Mover-" + marker);
            cora.type(cora.find(By.id("f-email")), "ada@" + domain);
            cora.type(cora.find(By.id("f-jobTitle")), "Head of platform");
            cora.find(By.id("f-role")).sendKeys("TECHNICAL_LEAD");
            // The date field's segments are day, month, year (en-GB): to the year, one down.
            WebElement since = cora.find(By.id("f-startDate"));
            since.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_DOWN);
            LocalDate started = today.minusYears(1);
            assertEquals(started.toString(), since.getAttribute("value"), "the start date moved a year back by keyboard");
            cora.check("contact-form", true);
            cora.press(cora.find(By.cssSelector("form.stack button[type=submit]")));
            cora.waitForHeading(contactName);
            assertTrue(cora.waitFor(By.cssSelector("p.notice")).getText().contains("created"));
            assertTrue(cora.find(By.id("current")).getText().contains(partnerName));
            String contactId = ids(cora, "Edit details")[1];
            cora.check("contact-created", true);

            // She joins Borealis Systems today: the move ends her role at the new partner yesterday.
            cora.press(cora.find(By.linkText("Move to another employer")));
            cora.waitForHeading("Move " + contactName + " to another employer");
            WebElement q = cora.find(By.id("f-q"));
            cora.type(q, "Borealis");
            q.sendKeys(Keys.ENTER);
            WebElement employer = cora.waitFor(By.id("f-partnerId"));
            employer.sendKeys("Borealis Systems");
            cora.find(By.id("f-role")).sendKeys("EXECUTIVE_SPONSOR");
            assertEquals(today.toString(), cora.find(By.id("f-date")).getAttribute("value"));
            cora.check("move-form", true);
            cora.press(By.cssSelector("form.stack button[type=submit]"));
            cora.waitForHeading(contactName);
            assertTrue(cora.waitFor(By.cssSelector("p.notice")).getText().contains("move is recorded"));
            assertEquals(contactId, ids(cora, "Edit details")[1]);
            assertEquals(Stack.PARTNER_B.toString(), ids(cora, "Edit details")[0], "her page, now from Borealis Systems");
            String current = cora.find(By.id("current")).getText();
            assertTrue(current.contains("Borealis Systems") && current.contains("EXECUTIVE_SPONSOR") && current.contains(today.toString()),
                    "the current role at Borealis Systems: " + current);
            String past = cora.find(By.id("past")).getText();
            assertTrue(past.contains(partnerName) && past.contains("TECHNICAL_LEAD") && past.contains(started.toString())
                    && past.contains(today.minusDays(1).toString()), "the past role, ended yesterday: " + past);
            cora.check("contact-moved", true);

            // Both partners' pages show it: a current person at Borealis, a person who left the new partner.
            cora.press(By.cssSelector("#current a[href='/partners/" + Stack.PARTNER_B + "']"));
            cora.waitForHeading("Borealis Systems");
            WebElement borealis = cora.waitUntil(d -> d.findElements(By.cssSelector("#people-title ~ table tbody tr")).stream()
                    .filter(tr -> tr.getText().contains(contactName)).findFirst().orElse(null));
            assertTrue(borealis.getText().contains("EXECUTIVE_SPONSOR since " + today), borealis.getText());
            cora.check("borealis-people", true);

            cora.open("/partners/" + partnerId, "partner-people-left");
            WebElement left = cora.waitUntil(d -> d.findElements(By.cssSelector("#people-title ~ table tbody tr")).stream()
                    .filter(tr -> tr.getText().contains(contactName)).findFirst().orElse(null));
            assertTrue(left.getText().contains("(left)") && left.getText().contains("TECHNICAL_LEAD " + started + " to " + today.minusDays(1)),
                    left.getText());
        }

        try (Browser felix = new Browser("partner-admin-felix")) {
            felix.signIn("felix");
            felix.press(felix.find(By.linkText("Partners")));
            felix.waitForHeading("Partners");
            WebElement q = felix.waitFor(By.id("f-q"));
            felix.type(q, partnerName);
            q.sendKeys(Keys.ENTER);
            felix.press(By.linkText(partnerName));
            felix.waitForHeading(partnerName);
            felix.assertText("No membership.");
            felix.check("partner-without-membership", true);

            // Start: Silver, from today for a year, without auto-renew (the form's defaults).
            felix.press(felix.find(By.linkText("Start a membership")));
            felix.waitForHeading("Start a membership: " + partnerName);
            felix.find(By.id("f-tier")).sendKeys("SILVER");
            assertTrue(!felix.find(By.id("f-autoRenew")).isSelected());
            felix.check("start-form", true);
            felix.press(felix.find(By.cssSelector("form.stack button[type=submit]")));
            felix.waitForHeading("Membership of " + partnerName);
            assertTrue(felix.waitFor(By.cssSelector("p.notice")).getText().contains("started"));
            felix.assertText("SILVER");
            felix.check("membership-started", true);

            // Among the renewals due within a year, with its actions.
            felix.press(felix.find(By.linkText("Memberships")));
            felix.waitForHeading("Memberships");
            felix.find(By.id("f-within")).sendKeys("365");
            felix.press(felix.find(By.cssSelector("form.filters button")));
            WebElement row = felix.waitFor(By.id("m-" + partnerId));
            assertTrue(row.getText().contains(partnerName) && row.getText().contains("SILVER"), row.getText());
            felix.check("renewals-due", true);

            felix.press(By.cssSelector("#m-" + partnerId + " a[href$='/renew']"));
            felix.waitForHeading("Renew the membership: " + partnerName);
            assertEquals("12", felix.find(By.id("f-months")).getAttribute("value"));
            felix.check("renew-form", true);
            felix.press(felix.find(By.cssSelector("form.stack button[type=submit]")));
            felix.waitForHeading("Membership of " + partnerName);
            assertTrue(felix.waitFor(By.cssSelector("p.notice")).getText().contains("renewed"));
            felix.assertText("RENEWED");
            felix.check("membership-renewed", true);

            // A tier change: the same tier is refused next to the field; Gold from a year on is pending.
            felix.press(felix.find(By.linkText("Change tier")));
            felix.waitForHeading("Change the tier: " + partnerName);
            felix.press(felix.find(By.cssSelector("form.stack button[type=submit]")));
            WebElement tierError = felix.waitFor(By.id("e-tier"));
            assertTrue(tierError.getText().contains("already the tier"), tierError.getText());
            assertEquals("true", felix.find(By.id("f-tier")).getAttribute("aria-invalid"));
            felix.check("tier-refused", true);
            felix.find(By.id("f-tier")).sendKeys("GOLD");
            WebElement effective = felix.find(By.id("f-effectiveDate"));
            effective.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_UP);
            LocalDate from = today.plusYears(1);
            assertEquals(from.toString(), effective.getAttribute("value"), "the effective date moved a year on by keyboard");
            felix.press(felix.find(By.cssSelector("form.stack button[type=submit]")));
            felix.waitForHeading("Membership of " + partnerName);
            assertTrue(felix.waitFor(By.cssSelector("p.notice")).getText().contains("tier change"));
            felix.assertText("GOLD from " + from);
            felix.assertText("SILVER");
            felix.check("tier-change-pending", true);

            felix.press(felix.find(By.linkText("Renewals due")));
            felix.waitForHeading("Memberships");
            WebElement changes = felix.waitFor(By.id("tier-changes-title")).findElement(By.xpath(".."));
            assertTrue(changes.getText().contains(partnerName) && changes.getText().contains(from.toString()), changes.getText());
            felix.check("tier-changes-to-come", true);
        }
    }

    /**
     * The partner id and, on a contact's page, the contact id, from the address of the page's edit link (htmx
     * may leave the address bar at the form's action after a POST and its redirect).
     */
    private static String[] ids(Browser browser, String editLink) {
        String href = browser.find(By.linkText(editLink)).getAttribute("href");
        Matcher m = UUID_IN_PATH.matcher(href);
        assertTrue(m.find(), href);
        return new String[] {m.group(1), m.group(2)};
    }
}

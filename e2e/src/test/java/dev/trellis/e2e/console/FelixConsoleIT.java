package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Foundation staff appoint against the board's policy: every broken rule first, then an override with a reason. */
class FelixConsoleIT {

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("felix");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void felixSeesTheRulesAnAppointmentBreaksOverridesThemWithAReasonAndSeesTheOverrideRecorded() {
        browser.signIn("felix");
        assertEquals("My work", browser.heading());
        browser.assertText("Renewals due");
        browser.check("home", true);
        browser.keepForDocs("felix-home");

        browser.press(browser.find(By.linkText("Governing Board")));
        browser.waitForHeading("Governing Board");
        browser.assertText("Seats by company");
        browser.check("board", true);

        browser.press(browser.find(By.linkText("Appoint a seat holder")));
        browser.waitForHeading("Appoint a seat holder on Governing Board");
        // Acme Cloud already holds the one seat its company group may have (cap 1 on this board).
        browser.find(By.id("f-partner-pick")).sendKeys("Acme Cloud");
        browser.press(browser.find(By.cssSelector("form.filters button")));
        WebElement holder = browser.waitFor(By.id("f-holderContactId"));
        holder.sendKeys("Dmitri Tanaka");
        browser.find(By.id("f-kind")).sendKeys("TIER_APPOINTED");
        browser.find(By.id("f-tierBasis")).sendKeys("PLATINUM");
        browser.check("appoint-form", true);
        browser.press(browser.find(By.xpath("//button[normalize-space()='Check and appoint']")));

        WebElement rules = browser.waitFor(By.cssSelector(".error-summary.rules"));
        assertTrue(rules.getText().contains("company-group-cap"), rules.getText());
        List<WebElement> overrides = browser.all(By.cssSelector("input[name='override.rules']"));
        assertTrue(overrides.stream().anyMatch(o -> "company-group-cap".equals(o.getAttribute("value"))));
        browser.check("appoint-rules", true);
        browser.keepForDocs("felix-appoint-rules");

        // Without a reason the override is refused, next to the reason field.
        overrides.forEach(o -> o.sendKeys(Keys.SPACE));
        browser.press(browser.find(By.xpath("//button[starts-with(normalize-space(),'Appoint, overriding')]")));
        browser.waitFor(By.id("e-override-reason"));

        String reason = "Board resolution " + LocalDate.now() + " grants a transitional second seat " + UUID.randomUUID();
        browser.all(By.cssSelector("input[name='override.rules']")).stream().filter(o -> !o.isSelected())
                .forEach(o -> o.sendKeys(Keys.SPACE));
        browser.type(browser.find(By.id("f-override-reason")), reason);
        browser.press(browser.find(By.xpath("//button[starts-with(normalize-space(),'Appoint, overriding')]")));
        browser.waitForHeading("Governing Board");
        assertTrue(browser.waitFor(By.cssSelector("p.notice")).getText().contains("override audit"));
        WebElement audit = browser.find(By.id("overrides"));
        assertTrue(audit.getText().contains(reason), "the override and its reason are recorded: " + audit.getText());
        assertTrue(audit.getText().contains("company-group-cap"));
        assertTrue(audit.getText().contains("felix"));
        browser.check("override-recorded", true);
        browser.keepForDocs("felix-override-recorded");

        // Leave the board as it was: vacate the seat just appointed (the audit keeps the override).
        for (WebElement row : browser.all(By.cssSelector("table.seats tbody tr"))) {
            if (row.getText().startsWith("Dmitri Tanaka")) {
                String id = row.getAttribute("id");
                browser.type(row.findElement(By.cssSelector("input[name=reason]")), "e2e: appointed to test the override");
                browser.press(browser.find(By.cssSelector("#" + id + " button")));
                browser.waitUntil(d -> d.findElements(By.id(id)).isEmpty());
                break;
            }
        }
        browser.assertText("The seat is vacated.");
    }
}

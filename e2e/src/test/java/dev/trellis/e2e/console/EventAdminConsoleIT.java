package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An event's life in the console, by keyboard: cora drafts an event with one seat, publishes it, registers two people
 * (the second lands on the waitlist), checks one in and undoes it, and cancels the event; paula opens her people's
 * registrations and the Calendars page, and copies the public feed's address, which answers an iCalendar.
 */
class EventAdminConsoleIT {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("events");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void coraRunsAnEventFromDraftToCancelledAndPaulaCopiesThePublicCalendar() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Console event " + marker;
        // Within the hour, so that check-in (open from 24 hours before the start) is open.
        ZonedDateTime starts = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusHours(1).truncatedTo(ChronoUnit.MINUTES);

        browser.signIn("cora");
        browser.press(browser.find(By.linkText("Events")));
        browser.waitForHeading("Events");
        browser.check("events", true);
        browser.press(browser.find(By.linkText("New event")));
        browser.waitForHeading("New event");
        browser.check("event-new", true);

        browser.type(browser.find(By.id("f-title")), title);
        browser.type(browser.find(By.id("f-startsAt")), LOCAL.format(starts));
        browser.type(browser.find(By.id("f-endsAt")), LOCAL.format(starts.plusHours(2)));
        browser.type(browser.find(By.id("f-timeZone")), "Europe/Berlin");
        browser.type(browser.find(By.id("f-venue")), "Room 3, Foundation office");
        browser.type(browser.find(By.id("f-capacity")), "1");
        browser.press(browser.find(By.xpath("//button[normalize-space()='Save as draft']")));
        browser.waitForHeading(title);
        browser.waitFor(By.cssSelector("p.notice"));
        browser.assertText("DRAFT");
        browser.assertText("0 of 1 seats taken");
        browser.check("event-draft", true);

        browser.press(browser.find(By.xpath("//button[normalize-space()='Publish']")));
        browser.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("The event is published") ? true : null);
        browser.assertText("PUBLISHED");
        browser.check("event-published", true);

        // Two people for one seat: the second is on the waitlist.
        String ada = "ada." + marker + "@example.org";
        String ben = "ben." + marker + "@example.org";
        register("Ada " + marker, ada);
        register("Ben " + marker, ben);
        browser.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("1 of 1 seats taken, 1 on the waitlist") ? true : null);
        WebElement adaRow = row(ada);
        assertTrue(adaRow.getText().contains("REGISTERED"), adaRow.getText());
        assertTrue(row(ben).getText().contains("WAITLISTED"), row(ben).getText());
        assertTrue(browser.find(By.id("waitlist")).getText().contains("Ben " + marker));
        browser.check("event-waitlist", true);

        // Check Ada in, then undo it.
        String adaRowId = adaRow.getAttribute("id");
        browser.press(adaRow.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Check in')]")));
        browser.waitUntil(d -> d.findElement(By.id(adaRowId)).getText().contains("ATTENDED") ? true : null);
        browser.assertText("1 checked in");
        browser.check("event-checked-in", true);
        browser.press(browser.find(By.id(adaRowId)).findElement(By.xpath(".//button[starts-with(normalize-space(), 'Undo check-in')]")));
        browser.waitUntil(d -> d.findElement(By.id(adaRowId)).getText().contains("REGISTERED") ? true : null);
        browser.assertText("0 checked in");
        browser.check("event-undone", true);

        // Cancelling needs the box ticked; without it nothing happens but a message at the box.
        browser.press(browser.find(By.xpath("//button[normalize-space()='Cancel the event']")));
        WebElement confirmError = browser.waitFor(By.id("e-confirm"));
        assertTrue(confirmError.getText().contains("tick the box"), confirmError.getText());
        browser.assertText("PUBLISHED");
        browser.check("event-cancel-unconfirmed", true);
        WebElement confirm = browser.find(By.id("f-confirm"));
        confirm.sendKeys(Keys.SPACE);
        assertTrue(confirm.isSelected());
        browser.press(browser.find(By.xpath("//button[normalize-space()='Cancel the event']")));
        browser.waitUntil(d -> d.findElement(By.tagName("main")).getText().contains("The event is cancelled") ? true : null);
        browser.assertText("CANCELLED");
        assertTrue(row(ada).getText().contains("CANCELLED") && row(ben).getText().contains("CANCELLED"),
                "cancelling the event cancels its registrations and waitlist");
        assertTrue(browser.all(By.xpath("//button[normalize-space()='Cancel the event']")).isEmpty());
        browser.check("event-cancelled", true);
        browser.keepForDocs("cora-event-cancelled");
        browser.close();

        // Paula, in a browser of her own: her people's registrations, and the public calendar's address copied by keyboard.
        browser = new Browser("events-paula");
        browser.signIn("paula");
        browser.press(browser.find(By.linkText("Our registrations")));
        browser.waitForHeading("Our registrations");
        browser.assertText("Registrations by event");
        WebElement list = browser.find(By.id("registrations"));
        assertFalse(list.findElements(By.tagName("table")).isEmpty(), "Acme Cloud's people are registered for demo events");
        assertTrue(list.getText().contains("@acme-cloud.example"), list.getText());
        assertFalse(list.getText().contains("@borealis-systems.example"), "another partner's people are not shown");
        browser.check("paula-registrations", true);
        browser.keepForDocs("paula-registrations");

        browser.press(browser.find(By.linkText("Calendars")));
        browser.waitForHeading("Calendars");
        WebElement address = browser.find(By.id("url-all-events"));
        address.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        address.sendKeys(Keys.chord(Keys.CONTROL, "c"));
        String copied = address.getAttribute("value");
        assertTrue(copied.matches("https?://.+/api/calendar/events\\.ics"), copied);
        assertEquals(copied.replaceFirst("^https?://", "webcal://"),
                browser.find(By.xpath("//li[@id='all-events']//a[starts-with(@href, 'webcal:')]")).getAttribute("href"));
        browser.check("paula-calendars", true);
        browser.keepForDocs("paula-calendars");

        Http.Response feed = Http.get(Caller.ANONYMOUS, URI.create(copied));
        assertEquals(200, feed.status(), feed.toString());
        assertTrue(feed.body().startsWith("BEGIN:VCALENDAR"), feed.toString());
    }

    private void register(String name, String email) {
        browser.type(browser.find(By.id("f-name")), name);
        browser.type(browser.find(By.id("f-email")), email);
        browser.press(browser.find(By.xpath("//button[normalize-space()='Register']")));
        browser.waitUntil(d -> d.findElements(By.xpath("//tr[td[normalize-space()='" + email + "']]")).isEmpty() ? null : true);
    }

    private WebElement row(String email) {
        return browser.waitFor(By.xpath("//tr[td[normalize-space()='" + email + "']]"));
    }
}

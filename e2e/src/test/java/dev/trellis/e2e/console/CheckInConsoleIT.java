package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Bulk check-in from a CSV of emails: the report names every line's outcome; one check-in is undone. */
class CheckInConsoleIT {

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("checkin");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void aCsvCheckInUploadReportsEachLine() throws IOException {
        // An event starting within the hour (check-in is open), published, with two registrations.
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Http.Response created = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/events"), """
                {"kind": "MEETUP", "title": "Console check-in %s", "startsAt": "%s", "endsAt": "%s",
                 "timeZone": "Europe/Berlin", "venue": "Room 1", "capacity": 10}""".formatted(marker, start, start.plus(2, ChronoUnit.HOURS)));
        assertEquals(201, created.status(), created.toString());
        String eventId = created.json().get("id").asText();
        Http.Response published = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/events/" + eventId + "/status-changes"),
                "{\"status\": \"PUBLISHED\"}", Map.of("If-Match", created.header("ETag").orElseThrow()));
        assertEquals(200, published.status(), published.toString());
        String ada = "ada." + marker + "@example.org";
        String ben = "ben." + marker + "@example.org";
        for (String email : List.of(ada, ben)) {
            Http.Response r = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/events/" + eventId + "/registrations"),
                    "{\"name\": \"Guest " + email.substring(0, 3) + "\", \"email\": \"" + email + "\"}");
            assertEquals(201, r.status(), r.toString());
        }

        Path csv = Files.createTempFile("check-in-", ".csv");
        Files.writeString(csv, "email\n" + ada + "\n" + ben + "\nnobody." + marker + "@example.org\nnot an email\n" + ada + "\n");

        browser.signIn("cora");
        browser.open("/events/" + eventId, "event");
        browser.assertText("2 of 10 seats taken");
        browser.find(By.id("f-csv")).sendKeys(csv.toAbsolutePath().toString());
        browser.press(browser.find(By.xpath("//button[normalize-space()='Check in everyone in the file']")));
        WebElement report = browser.waitFor(By.id("report"));
        List<WebElement> lines = report.findElements(By.cssSelector("tbody tr"));
        List<String> outcomes = lines.stream().map(l -> l.findElements(By.tagName("td")).get(2).getText()).toList();
        assertEquals(List.of("CHECKED_IN", "CHECKED_IN", "UNKNOWN", "INVALID", "ALREADY"), outcomes, report.getText());
        assertTrue(report.getText().contains("2 checked in"), report.getText());
        browser.check("report", true);
        browser.keepForDocs("checkin-report");

        // Undo one check-in from the registrations list.
        JsonNode regs = Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/events/" + eventId + "/registrations")).json();
        String adaId = null;
        for (JsonNode r : regs.get("items")) {
            if (ada.equals(r.get("email").asText())) {
                adaId = r.get("id").asText();
            }
        }
        WebElement row = browser.find(By.id("r-" + adaId));
        assertTrue(row.getText().contains("ATTENDED"), row.getText());
        browser.press(row.findElement(By.tagName("button")));
        String id = adaId;
        browser.waitUntil(d -> d.findElement(By.id("r-" + id)).getText().contains("REGISTERED"));
        browser.check("undone", true);
        Files.deleteIfExists(csv);
    }
}

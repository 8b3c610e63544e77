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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A CSV import from the console, through the gateway to partner-service: cora checks a file of three contacts (two
 * at Acme Cloud's domain, one without an address), sees what would happen with the refused line first and nothing
 * written, then imports it; the two contacts are in the API afterwards, the refused line is not.
 */
class ImportConsoleIT {

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("import");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void coraChecksAContactFileThenImportsIt() throws IOException {
        String marker = "imp" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("contacts-", ".csv");
        Files.writeString(csv, "Email Address,First Name,Last Name\n" + marker + ".ada@acme-cloud.example,Ada,Import"
                + marker + "\n" + marker + ".ben@acme-cloud.example,Ben,Import" + marker + "\nnot an email,No,Body\n");

        browser.signIn("cora");
        browser.press(browser.find(By.linkText("Import")));
        browser.waitForHeading("Import from CSV");
        browser.find(By.id("f-contacts-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.press(browser.find(By.cssSelector("#import-contacts button[value='true']")));
        WebElement counts = browser.waitFor(By.id("report-counts"));
        assertEquals("3 lines: 2 would be created, 0 would be updated, 0 unchanged, 1 refused. Nothing was changed.",
                counts.getText());
        List<String> outcomes = browser.find(By.id("report-lines")).findElements(By.cssSelector("tbody tr")).stream()
                .map(l -> l.findElements(By.tagName("td")).get(2).getText()).toList();
        assertEquals(List.of("refused", "created", "created"), outcomes);
        assertEquals(0, contacts(marker), "a check writes nothing");
        browser.check("import-check", true);
        browser.keepForDocs("cora-import-check");

        browser.find(By.id("f-contacts-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.press(browser.find(By.cssSelector("#import-contacts button[value='false']")));
        browser.waitUntil(d -> d.findElement(By.id("report-counts")).getText().startsWith("3 lines: 2 created,")
                ? true : null);
        assertEquals(2, contacts(marker), "both contacts are in partner-service");
        Files.deleteIfExists(csv);
    }

    private static int contacts(String marker) {
        JsonNode page = Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/contacts?q=" + marker)).json();
        return page.get("items").size();
    }
}

package dev.trellis.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * "Download as CSV" on a list: cora searches the partners for "Acme" and the link under the results answers, to her
 * session, the whole filtered list as partner-service exports it (a header row, Acme Cloud, no other partner),
 * as an attachment that is not cached. Selenium cannot read a download, so the link's address is asked with the
 * browser's cookies.
 */
class CsvDownloadConsoleIT {

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("csv");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void coraDownloadsTheMatchingPartnersAsCsvWithTheSearchsFilter() {
        browser.signIn("cora");
        browser.press(browser.find(By.linkText("Partners")));
        browser.waitForHeading("Partners");
        WebElement q = browser.waitFor(By.id("f-q"));
        browser.type(q, "Acme");
        q.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=Acme") ? true : null);
        browser.waitFor(By.linkText("Acme Cloud"));
        WebElement link = browser.waitFor(By.linkText("Download all matching partners as CSV"));
        assertTrue(link.getAttribute("href").contains("q=Acme"), "the link carries the search: " + link.getAttribute("href"));
        assertEquals("", link.getAttribute("download"), "the browser saves it as a file");
        browser.check("partners-found", true);
        browser.keepForDocs("cora-partners-csv");

        Http.Response csv = browser.download(link);
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        String disposition = csv.header("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment") && disposition.matches(".*filename=\"partners-[0-9-]+\\.csv\".*"), disposition);
        assertTrue(csv.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Cache-Control"))
                .flatMap(h -> h.getValue().stream()).anyMatch(v -> v.contains("no-store")), csv.headers().toString());

        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("id,externalId,name,legalName,website,emailDomains,"), "the header row: " + lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(Stack.PARTNER_A + ",,Acme Cloud,")), csv.body());
        assertFalse(csv.body().contains("Borealis Systems"), "only the partners the search matched: " + csv.body());
    }
}

package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.partner.service.RenewalReminders;
import dev.trellis.platform.testing.auth.TestTokens;
import dev.trellis.platform.testing.mail.GreenMailInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Membership renewal reminders (RenewalReminders) and their one-click unsubscribe, read back from the real GreenMail:
 * only the billing and primary key contacts with the consent RENEWAL_REMINDERS get one, once per threshold, with
 * RFC 8058 headers whose POST withdraws the consent without a login.
 */
@QuarkusTest
class RenewalReminderMailTest {
    @Inject
    RenewalReminders reminders;
    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void theBillingAndPrimaryContactsWithConsentAreRemindedOnceAndUnsubscribeInOneClick() throws Exception {
        LocalDate today = LocalDate.now();
        String partnerName = "Renewal " + UUID.randomUUID().toString().substring(0, 8);
        String partner = partner(partnerName);
        String membership = member(partner, today.plusDays(25), false);
        String billingTo = GreenMailInbox.newAddress("billing");
        String primaryTo = GreenMailInbox.newAddress("primary");
        String votingTo = GreenMailInbox.newAddress("voting");
        String billing = keyContact(partner, "BILLING", "Bea", billingTo);
        String primary = keyContact(partner, "PRIMARY", "Pat", primaryTo);
        String voting = keyContact(partner, "VOTING", "Val", votingTo);
        consent(billing, true);
        consent(voting, true); // a voting contact is no recipient, consent or not
        consent(primary, true);
        consent(primary, false); // the latest decision counts: withdrawn

        reminders.sweep(today);

        GreenMailInbox.Received mail = GreenMailInbox.await(billingTo, 1).get(0);
        assertEquals(List.of(billingTo), mail.recipients());
        assertEquals(partnerName + ": your GOLD membership ends on "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(today.plusDays(25)), mail.subject());
        assertTrue(mail.text().contains("Hello Bea,"), mail.text());
        assertTrue(mail.text().contains("in 25 days"), mail.text());
        assertTrue(mail.text().contains("does not renew by itself"), mail.text());
        assertTrue(mail.html().contains("<strong>" + partnerName + "</strong>"), mail.html());
        assertTrue(mail.messageId().endsWith("@partners.trellis.dev>"), mail.messageId());
        assertEquals("List-Unsubscribe=One-Click", mail.listUnsubscribePost());
        assertNotNull(mail.listUnsubscribe());
        assertTrue(mail.listUnsubscribe().startsWith("<http://127.0.0.1:8080/api/contacts/unsubscribe?token="),
                mail.listUnsubscribe());
        URI unsubscribe = URI.create(mail.listUnsubscribe().substring(1, mail.listUnsubscribe().length() - 1));
        assertTrue(mail.text().contains(unsubscribe.toString()), mail.text());

        // Sweeping again the same day (or another instance sweeping) records nothing more for this threshold.
        reminders.sweep(today);
        assertEquals(List.of(30), thresholds(membership));
        assertEquals(0, GreenMailInbox.mails(primaryTo).size());
        assertEquals(0, GreenMailInbox.mails(votingTo).size());

        // One click: the mail client POSTs RFC 8058's body to the header's address, without a login.
        String token = unsubscribe.getQuery().substring("token=".length());
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").queryParam("token", token)
                .post(unsubscribe.getPath()).then().statusCode(200)
                .body("purpose", equalTo("RENEWAL_REMINDERS")).body("status", equalTo("UNSUBSCRIBED"));
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").queryParam("token", token)
                .post(unsubscribe.getPath()).then().statusCode(200).body("status", equalTo("ALREADY_UNSUBSCRIBED"));
        as(TestTokens.communityTeam()).get("/api/contacts/" + billing).then().statusCode(200)
                .body("consents.find { it.purpose == 'RENEWAL_REMINDERS' }.granted", equalTo(false))
                .body("consents.find { it.purpose == 'RENEWAL_REMINDERS' }.source", equalTo("EMAIL"));
        // Opening the link shows a button and withdraws nothing.
        given().queryParam("token", token).get(unsubscribe.getPath()).then().statusCode(200)
                .header("Referrer-Policy", "no-referrer").body(containsString("name=\"List-Unsubscribe\""));

        // The 7-day threshold: Bea has unsubscribed, so nobody gets a mail, and the reminder is still recorded once.
        reminders.sweep(today.plusDays(20));
        assertEquals(List.of(7, 30), thresholds(membership));
        Thread.sleep(2500); // two more relay rounds: nothing else arrives
        assertEquals(1, GreenMailInbox.mails(billingTo).size());
    }

    @Test
    void anUnsubscribeLinkNeedsAnIssuedToken() {
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .queryParam("token", "not-a-token").post("/api/contacts/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post("/api/contacts/unsubscribe").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .queryParam("token", "A".repeat(43)).post("/api/contacts/unsubscribe")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void instancesSweepingAtOnceRemindOnce() throws Exception {
        LocalDate today = LocalDate.now();
        String partner = partner("Renewal twice " + UUID.randomUUID().toString().substring(0, 8));
        String membership = member(partner, today.plusDays(6), true);
        String to = GreenMailInbox.newAddress("twice");
        String billing = keyContact(partner, "BILLING", "Tom", to);
        consent(billing, true);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sweep = () -> reminders.sweep(today);
            List<Future<Integer>> sweeps = pool.invokeAll(List.of(sweep, sweep));
            for (Future<Integer> f : sweeps) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        GreenMailInbox.Received mail = GreenMailInbox.await(to, 1).get(0);
        assertTrue(mail.text().contains("renews automatically"), mail.text());
        assertEquals(List.of(7), thresholds(membership));
        Thread.sleep(2500);
        assertEquals(1, GreenMailInbox.mails(to).size());
    }

    private List<Integer> thresholds(String membership) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select days_before from renewal_reminder where membership_id = ?1 order by days_before", Integer.class)
                .setParameter(1, UUID.fromString(membership)).getResultList());
    }

    private static String partner(String name) {
        return as(TestTokens.communityTeam()).body(Map.of("name", name, "lifecycleStatus", "ACTIVE"))
                .post("/api/partners").then().statusCode(201).extract().path("id");
    }

    private static String member(String partner, LocalDate termEnd, boolean autoRenew) {
        return as(TestTokens.foundationStaff()).body(Map.of("tier", "GOLD",
                        "termStart", termEnd.minusYears(1).toString(), "termEnd", termEnd.toString(), "autoRenew", autoRenew))
                .put("/api/partners/" + partner + "/membership").then().statusCode(201).extract().path("id");
    }

    private static String keyContact(String partner, String role, String firstName, String email) {
        String contact = as(TestTokens.communityTeam())
                .body(Map.of("firstName", firstName, "lastName", "Renewal", "email", email))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        ContactFixtures.affiliate(contact, partner, "BILLING".equals(role) ? "BILLING" : "EXECUTIVE_SPONSOR",
                LocalDate.now().minusYears(1).toString());
        as(TestTokens.foundationStaff()).body(Map.of("contactId", contact))
                .put("/api/partners/" + partner + "/membership/key-contacts/" + role).then().statusCode(200);
        return contact;
    }

    private static void consent(String contact, boolean granted) {
        as(TestTokens.communityTeam()).body(Map.of("granted", granted, "source", "WEB_FORM"))
                .put("/api/contacts/" + contact + "/consents/RENEWAL_REMINDERS").then().statusCode(200);
    }
}

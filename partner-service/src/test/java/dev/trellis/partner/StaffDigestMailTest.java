package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.StaffDigest;
import dev.trellis.platform.testing.auth.TestTokens;
import dev.trellis.platform.testing.mail.GreenMailInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily digest of next steps (StaffDigest), read back from the real GreenMail: a staff member gets one mail a
 * day with their open steps due today and overdue, none when nothing is due.
 */
@QuarkusTest
class StaffDigestMailTest {
    @Inject
    StaffDigest digest;
    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;

    @BeforeEach
    void demoPartners() {
        ContactFixtures.partners(partners);
    }

    @Test
    void aStaffMemberGetsOneDigestADayOfTheirStepsDueAndOverdue() throws Exception {
        LocalDate today = LocalDate.now();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String busy = "digest-" + tag;
        String idle = "idle-" + tag;
        String busyTo = GreenMailInbox.newAddress("digest");
        String idleTo = GreenMailInbox.newAddress("idle");
        String team = staff(busy, busyTo);
        staff(idle, idleTo);

        String touchpoint = TouchpointFixtures.log(team, ContactFixtures.A,
                TouchpointFixtures.touchpoint(today.minusDays(3), "CALL", List.of())).getString("id");
        String overdue = TouchpointFixtures.addStep(team, touchpoint,
                TouchpointFixtures.step("Send the deck " + tag, busy, today.plusDays(1))).getString("id");
        TouchpointFixtures.addStep(team, touchpoint, TouchpointFixtures.step("Call back " + tag, busy, today));
        TouchpointFixtures.addStep(team, touchpoint, TouchpointFixtures.step("Later " + tag, busy, today.plusDays(5)));
        TouchpointFixtures.addStep(team, touchpoint, TouchpointFixtures.step("Idle later " + tag, idle, today.plusDays(2)));
        // Overdue: due two days ago (written directly, whatever the API allows for new steps).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update next_step set due_on = ?1 where id = ?2")
                .setParameter(1, today.minusDays(2)).setParameter(2, UUID.fromString(overdue)).executeUpdate());

        digest.sweep(today);

        GreenMailInbox.Received mail = GreenMailInbox.await(busyTo, 1).get(0);
        assertEquals(List.of(busyTo), mail.recipients());
        assertTrue(mail.subject().startsWith("Your next steps: 2 due or overdue"), mail.subject());
        // SMTP carries the text with CRLF line ends
        String text = mail.text().replace("\r\n", "\n");
        assertTrue(text.contains("Hello " + busy + ","), text);
        assertTrue(text.contains("Overdue:\n- Send the deck " + tag + " (Acme Cloud, due " + today.minusDays(2) + ")"), text);
        assertTrue(text.contains("Due today:\n- Call back " + tag + " (Acme Cloud)"), text);
        assertFalse(text.contains("Later " + tag), text);
        assertTrue(mail.html().contains("<li>Call back " + tag + " (Acme Cloud)</li>"), mail.html());
        assertTrue(mail.messageId().endsWith("@partners.trellis.dev>"), mail.messageId());

        // Once a day: a second sweep records nothing; nothing due for the idle one: no mail.
        digest.sweep(today);
        Thread.sleep(2500); // two more relay rounds
        assertEquals(1, GreenMailInbox.mails(busyTo).size());
        assertEquals(0, GreenMailInbox.mails(idleTo).size());
        assertEquals(List.of(0), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select mails from staff_digest where username = ?1 and digest_date = ?2", Integer.class)
                .setParameter(1, idle).setParameter(2, today).getResultList()));
    }

    /** A staff member partner-service has seen (a call with their token), with the address of their email claim. */
    private String staff(String username, String email) {
        String token = TestTokens.token(username, List.of("community-team"), null);
        given().auth().oauth2(token).get("/api/touchpoints/next-steps").then().statusCode(200);
        // TestTokens carry no email claim: record the address as StaffSightings would from one.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update staff_user set email = ?1 where username = ?2")
                .setParameter(1, email).setParameter(2, username).executeUpdate());
        return token;
    }
}

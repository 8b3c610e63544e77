package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Meetups;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A subject-access export through the gateway with real tokens: a contact with an affiliation, a consent, a
 * key-contact role, touchpoints (one with notes not disclosable), a board seat with attendance, a registration
 * with its check-in and mail gets every item from each service's part; partner users get 403 at every part.
 * The console assembles these parts (console PrivacyPagesTest).
 */
class SubjectAccessExportIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> PARTS = List.of("partner", "advisory", "event");

    @Test
    void aContactWithDataInEveryServiceGetsEachItemAndPartnersGetNothing() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "sara." + suffix + "@example.org";
        String partner = Http.call(Caller.TEAM, "POST", api("/api/partners"),
                "{\"name\": \"Subject Access " + suffix + "\", \"lifecycleStatus\": \"ACTIVE\"}").json().get("id").asText();
        LocalDate today = LocalDate.now();
        assertEquals(201, Http.call(Caller.STAFF, "PUT", api("/api/partners/" + partner + "/membership"),
                "{\"tier\": \"GOLD\", \"termStart\": \"" + today.minusMonths(6) + "\", \"termEnd\": \"" + today.plusMonths(6)
                        + "\", \"autoRenew\": true}").status());
        String contact = Http.call(Caller.TEAM, "POST", api("/api/contacts"),
                "{\"firstName\": \"Sara\", \"lastName\": \"Subject-" + suffix + "\", \"email\": \"" + email + "\"}")
                .json().get("id").asText();
        assertEquals(201, Http.call(Caller.TEAM, "POST", api("/api/contacts/" + contact + "/affiliations"),
                "{\"partnerId\": \"" + partner + "\", \"role\": \"EXECUTIVE_SPONSOR\", \"startDate\": \"" + today.minusYears(1) + "\"}")
                .status());
        assertEquals(200, Http.call(Caller.TEAM, "PUT", api("/api/contacts/" + contact + "/consents/MARKETING_EMAIL"),
                "{\"granted\": true, \"source\": \"WEB_FORM\"}").status());
        assertEquals(200, Http.call(Caller.STAFF, "PUT", api("/api/partners/" + partner + "/membership/key-contacts/VOTING"),
                "{\"contactId\": \"" + contact + "\"}").status());
        String open = Http.call(Caller.TEAM, "POST", api("/api/partners/" + partner + "/touchpoints"),
                "{\"occurredOn\": \"" + today.minusDays(1) + "\", \"type\": \"MEETING\", \"summary\": \"Renewal " + suffix
                        + "\", \"notes\": \"Open note " + suffix + "\", \"attendeeContactIds\": [\"" + contact + "\"]}")
                .json().get("id").asText();
        Http.call(Caller.TEAM, "POST", api("/api/partners/" + partner + "/touchpoints"),
                "{\"occurredOn\": \"" + today.minusDays(2) + "\", \"type\": \"CALL\", \"summary\": \"Budget " + suffix
                        + "\", \"notes\": \"Closed note " + suffix + "\", \"notesDisclosable\": false, \"attendeeContactIds\": [\""
                        + contact + "\"]}");

        // a seat on a board of its own (advisory-service learns the contact from Kafka first)
        Http.Response created = Http.call(Caller.STAFF, "POST", api("/api/boards"),
                "{\"name\": \"Subject board " + suffix + "\", \"kind\": \"GOVERNING_BOARD\"}");
        assertEquals(201, created.status(), created.toString());
        String board = created.json().get("id").asText();
        String policyTag = Http.get(Caller.STAFF, api("/api/boards/" + board + "/policy")).header("ETag").orElseThrow();
        assertEquals(200, Http.call(Caller.STAFF, "PUT", api("/api/boards/" + board + "/policy"),
                "{\"seats\": [{\"kind\": \"ELECTED\", \"count\": 3}], \"quorum\": {\"numerator\": 1, \"denominator\": 2}}",
                java.util.Map.of("If-Match", policyTag)).status());
        Http.Response appointed = Meetups.poll(() -> Http.call(Caller.STAFF, "POST", api("/api/boards/" + board + "/seats"),
                        "{\"holderContactId\": \"" + contact + "\", \"kind\": \"ELECTED\", \"termStart\": \"" + today.minusMonths(1)
                                + "\", \"termEnd\": \"" + today.plusYears(1) + "\"}"),
                r -> r.status() == 201, PATIENCE);
        String seat = appointed.json().get("id").asText();
        String meeting = Http.call(Caller.STAFF, "POST", api("/api/boards/" + board + "/meetings"),
                "{\"title\": \"Subject meeting " + suffix + "\", \"startsAt\": \"" + today.minusDays(1)
                        + "T10:00:00\", \"timeZone\": \"UTC\", \"durationMinutes\": 60}").json().get("id").asText();
        assertEquals(200, Http.call(Caller.STAFF, "PUT", api("/api/boards/" + board + "/meetings/" + meeting + "/attendance"),
                "{\"attendance\": [{\"seatId\": \"" + seat + "\", \"presence\": \"PRESENT\"}]}").status());

        // a registration, checked in, with its confirmation mail
        String event = Meetups.open("Subject access " + suffix);
        Http.Response registered = Meetups.poll(() -> Http.call(Caller.TEAM, "POST", api("/api/events/" + event + "/registrations"),
                        "{\"contactId\": \"" + contact + "\", \"name\": \"Sara Subject-" + suffix + "\", \"email\": \"" + email + "\"}"),
                r -> r.status() != 400, PATIENCE);
        assertEquals(201, registered.status(), registered.toString());
        String registration = registered.json().get("id").asText();
        Http.call(Caller.TEAM, "POST", api("/api/events/" + event + "/check-ins"), "{\"registrationId\": \"" + registration + "\"}");

        JsonNode partnerPart = part("partner", contact, null);
        assertEquals(contact, partnerPart.at("/contact/id").asText());
        assertEquals(email, partnerPart.at("/contact/email").asText());
        assertEquals(partner, partnerPart.at("/contact/currentAffiliations/0/partnerId").asText());
        assertEquals("staff", partnerPart.at("/contact/consentHistory/0/actorKind").asText());
        assertEquals("cora", partnerPart.at("/contact/consentHistory/0/actor").asText());
        assertEquals("VOTING", partnerPart.at("/keyContactRoles/0/role").asText());
        assertEquals(open, partnerPart.at("/touchpoints/0/id").asText());
        assertEquals("Open note " + suffix, partnerPart.at("/touchpoints/0/notes").asText());
        assertTrue(partnerPart.at("/touchpoints/1/notesWithheld").asBoolean(), partnerPart.toString());
        assertTrue(!partnerPart.toString().contains("Closed note"), "a note not disclosable is in the export");
        assertTrue(partnerPart.path("auditEntries").size() > 0, partnerPart.toString());

        JsonNode advisoryPart = part("advisory", contact, email);
        assertEquals(seat, advisoryPart.at("/seats/0/id").asText());
        assertEquals("PRESENT", advisoryPart.at("/attendance/0/presence").asText());
        assertTrue(advisoryPart.path("auditEntries").size() > 0, advisoryPart.toString());

        JsonNode eventPart = part("event", contact, email);
        assertEquals(registration, eventPart.at("/registrations/0/registration/id").asText());
        assertTrue(eventPart.toString().contains("\"recipient\":\"" + email + "\""), eventPart.toString());
        assertTrue(eventPart.path("auditEntries").size() > 0, eventPart.toString());

        for (Caller refused : List.of(Caller.PARTNER_A, Caller.TEAM)) {
            for (String service : PARTS) {
                Http.Response answer = Http.get(refused, api("/api/privacy/" + service + "/subjects?contactId=" + contact));
                assertEquals(403, answer.status(), service + " " + refused + ": " + answer);
                assertTrue(!answer.body().contains(email), answer.toString());
            }
        }
        assertEquals(200, Meetups.status(event, "CANCELLED").status());
    }

    private static JsonNode part(String service, String contact, String email) {
        Http.Response answer = Http.get(Caller.STAFF, api("/api/privacy/" + service + "/subjects?contactId=" + contact
                + (email == null ? "" : "&email=" + email)));
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.json().path("found").asBoolean(), answer.toString());
        return answer.json();
    }

    private static URI api(String path) {
        return URI.create(Stack.GATEWAY + path);
    }
}

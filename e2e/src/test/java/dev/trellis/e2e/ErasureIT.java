package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Meetups;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A contact's erasure reaches every service that holds personal data about them: partner-service
 * erases, and event-service anonymises the registrations once the contact-erased event arrives over
 * Kafka. Through the gateway, with real tokens; who may erase is in {@link RoleMatrixIT}.
 */
class ErasureIT {
    /** The outbox relay and the consumers usually take well under a second; this is the patience for a slow CI machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void anErasureReachesTheRegistrationsInEventService() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String contact = Http.call(Caller.TEAM, "POST", api("/api/contacts"), """
                {"firstName": "Ilse", "lastName": "Erasable-%s", "email": "ilse.%s@example.org"}
                """.formatted(suffix, suffix)).json().get("id").asText();
        Http.Response affiliated = Http.call(Caller.TEAM, "POST", api("/api/contacts/" + contact + "/affiliations"),
                "{\"partnerId\": \"" + Stack.PARTNER_A + "\", \"role\": \"DEVELOPER\", \"startDate\": \"2024-01-01\"}");
        assertEquals(201, affiliated.status(), affiliated.toString());
        String event = Meetups.open("Erasure check " + suffix);

        // event-service registers a contact once partner-service's affiliation-started event has reached it.
        String registrationBody = "{\"contactId\": \"" + contact + "\", \"name\": \"Ilse Erasable-" + suffix
                + "\", \"email\": \"ilse." + suffix + "@example.org\"}";
        Http.Response registered = Meetups.poll(
                () -> Http.call(Caller.TEAM, "POST", api("/api/events/" + event + "/registrations"), registrationBody),
                r -> r.status() != 400, PATIENCE);
        assertEquals(201, registered.status(), registered.toString());
        String registration = registered.json().get("id").asText();
        URI registrationUri = api("/api/events/" + event + "/registrations/" + registration);
        assertEquals(Stack.PARTNER_A.toString(), registered.json().get("partnerId").asText());

        Http.Response erased = Http.call(Caller.STAFF, "POST", api("/api/contacts/" + contact + "/erasure"), null);
        assertEquals(200, erased.status(), erased.toString());

        Http.Response readBack = Http.get(Caller.TEAM, api("/api/contacts/" + contact));
        assertEquals("Erased", readBack.json().get("firstName").asText(), readBack.toString());
        assertTrue(readBack.json().get("email").asText().endsWith("@erased.invalid"), readBack.toString());
        assertEquals(404, Http.get(Caller.PARTNER_A, api("/api/partners/me/contacts/" + contact)).status());

        Http.Response anonymised = Meetups.poll(() -> Http.get(Caller.TEAM, registrationUri),
                r -> r.status() == 200 && "Erased contact".equals(r.json().get("name").asText()), PATIENCE);
        assertEquals("Erased contact", anonymised.json().get("name").asText(), anonymised.toString());
        assertTrue(anonymised.json().get("email").asText().endsWith("@erased.invalid"), anonymised.toString());
        assertEquals(Stack.PARTNER_A.toString(), anonymised.json().get("partnerId").asText(),
                "the company snapshot stays, for statistics");
        assertTrue(!anonymised.body().contains(suffix), "nothing of the person is left: " + anonymised);

        // Tidy up: the meetup existed only for this test, so it does not stay open in the demo data.
        assertEquals(200, Meetups.status(event, "CANCELLED").status());
    }

    private static URI api(String path) {
        return URI.create(Stack.GATEWAY + path);
    }

}

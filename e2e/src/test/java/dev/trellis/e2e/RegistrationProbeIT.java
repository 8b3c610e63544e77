package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Meetups;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, through the gateway with real tokens: paula (partner A) probes event registrations with piet's
 * (partner B) people and addresses. Every answer is the same whether B's person is registered or not, names no
 * one, and changes nothing; her own contact she registers once, under its address on record, as PORTAL.
 * The address reaches event-service only as partner-service's digest, over Kafka.
 */
class RegistrationProbeIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void registrationProbesOfAnotherCompanysPeopleRevealNothingAndChangeNothing() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adaEmail = "ada.probe." + suffix + "@example.org";
        String boEmail = "bo.probe." + suffix + "@example.net";
        String ada = contactOf(Stack.PARTNER_A, "Ada", "Probe-" + suffix, adaEmail);
        String bo = contactOf(Stack.PARTNER_B, "Bo", "Probe-" + suffix, boEmail);
        String boColleague = contactOf(Stack.PARTNER_B, "Cai", "Probe-" + suffix, "cai.probe." + suffix + "@example.net");
        String event = Meetups.open("Registration probes " + suffix);
        URI registrations = api("/api/events/" + event + "/registrations");

        // Each partner's contact is known to event-service, with its address's digest, once partner-service's
        // events have arrived: until then a wrong address is "not known yet" rather than "not the contact's".
        awaitKnown(Caller.PARTNER_A, registrations, ada);
        awaitKnown(Caller.PARTNER_B, registrations, bo);
        Http.Response boRegistered = Http.call(Caller.PARTNER_B, "POST", registrations, body(bo, "Bo Probe", boEmail, null));
        assertEquals(201, boRegistered.status(), boRegistered.toString());
        String boRegistration = boRegistered.json().get("id").asText();

        // Paula squats Bo's address for her own contact: refused, exactly as for an address nobody registered.
        Http.Response squat = Http.call(Caller.PARTNER_A, "POST", registrations, body(ada, "Bo Probe", boEmail, null));
        Http.Response unregistered = Http.call(Caller.PARTNER_A, "POST", registrations,
                body(ada, "Bo Probe", "nobody.probe." + suffix + "@example.net", null));
        assertEquals(422, squat.status(), squat.toString());
        assertEquals("https://trellis.dev/problems/email-not-the-contacts", squat.json().get("type").asText());
        assertEquals(unregistered.status() + " " + unregistered.body(), squat.status() + " " + squat.body(),
                "the answer does not depend on the address being registered");
        assertRevealsNothing(squat, suffix);

        // Bo himself, registered, and his colleague, not: both simply not hers, with the same answer.
        Http.Response registeredContact = Http.call(Caller.PARTNER_A, "POST", registrations, body(bo, "Bo", boEmail, null));
        Http.Response unregisteredContact = Http.call(Caller.PARTNER_A, "POST", registrations,
                body(boColleague, "Bo", boEmail, null));
        assertEquals(403, registeredContact.status(), registeredContact.toString());
        assertEquals(403, unregisteredContact.status(), unregisteredContact.toString());
        assertEquals(registeredContact.json().get("detail").asText().replace(bo, "?"),
                unregisteredContact.json().get("detail").asText().replace(boColleague, "?"));
        assertRevealsNothing(registeredContact, suffix);

        // Her own contact under its address: registered, as PORTAL though she says STAFF; a second time: 409, naming no one.
        Http.Response own = Http.call(Caller.PARTNER_A, "POST", registrations,
                body(ada, "Ada Probe", adaEmail.toUpperCase(Locale.ROOT), "STAFF"));
        assertEquals(201, own.status(), own.toString());
        assertEquals("PORTAL", own.json().get("source").asText(), own.toString());
        assertEquals(Stack.PARTNER_A.toString(), own.json().get("partnerId").asText());
        Http.Response again = Http.call(Caller.PARTNER_A, "POST", registrations, body(ada, "Ada Probe", adaEmail, null));
        assertEquals(409, again.status(), again.toString());
        assertEquals("https://trellis.dev/problems/already-registered", again.json().get("type").asText());
        assertRevealsNothing(again, suffix);
        assertFalse(again.body().contains(own.json().get("id").asText()), again.toString());

        // Nothing changed: two registrations, Bo's as piet made it, and paula sees only her own.
        JsonNode all = Http.get(Caller.TEAM, registrations).json().get("items");
        assertEquals(2, all.size(), all.toString());
        JsonNode boNow = Http.get(Caller.TEAM, URI.create(registrations + "/" + boRegistration)).json();
        assertEquals("REGISTERED", boNow.get("status").asText());
        assertEquals(boEmail, boNow.get("email").asText());
        assertEquals("Bo Probe", boNow.get("name").asText());
        assertEquals(Stack.PARTNER_B.toString(), boNow.get("partnerId").asText());
        JsonNode paulas = Http.get(Caller.PARTNER_A, registrations).json().get("items");
        assertEquals(1, paulas.size(), paulas.toString());
        assertEquals(adaEmail.toUpperCase(Locale.ROOT), paulas.get(0).get("email").asText());

        assertEquals(200, Meetups.status(event, "CANCELLED").status());
    }

    /** No address, no person's name, no company of the probe appears in a refusal. */
    private static void assertRevealsNothing(Http.Response refusal, String suffix) {
        assertTrue(refusal.header("Content-Type").orElse("").startsWith("application/problem+json"), refusal.toString());
        String body = refusal.body().toLowerCase(Locale.ROOT);
        assertFalse(body.contains("@") || body.contains(suffix) || body.contains("probe") || body.contains("borealis"),
                refusal.toString());
    }

    /** Polls with a wrong address (which registers nobody) until event-service knows the contact and its digest. */
    private static void awaitKnown(Caller partner, URI registrations, String contact) throws InterruptedException {
        Http.Response last = Meetups.poll(() -> Http.call(partner, "POST", registrations,
                        body(contact, "Probe", "wrong." + UUID.randomUUID() + "@example.org", null)),
                r -> r.status() == 422 && r.body().contains("email-not-the-contacts"), PATIENCE);
        assertEquals(422, last.status(), "the contact's affiliation and address digest never reached event-service: " + last);
    }

    private static String body(String contact, String name, String email, String source) {
        return "{\"contactId\": \"" + contact + "\", \"name\": \"" + name + "\", \"email\": \"" + email + "\""
                + (source == null ? "" : ", \"source\": \"" + source + "\"") + "}";
    }

    private static String contactOf(UUID partner, String firstName, String lastName, String email) {
        Http.Response created = Http.call(Caller.TEAM, "POST", api("/api/contacts"), """
                {"firstName": "%s", "lastName": "%s", "email": "%s"}
                """.formatted(firstName, lastName, email));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        Http.Response affiliated = Http.call(Caller.TEAM, "POST", api("/api/contacts/" + id + "/affiliations"),
                "{\"partnerId\": \"" + partner + "\", \"role\": \"DEVELOPER\", \"startDate\": \"2024-01-01\"}");
        assertEquals(201, affiliated.status(), affiliated.toString());
        return id;
    }

    private static URI api(String path) {
        return URI.create(Stack.GATEWAY + path);
    }

}

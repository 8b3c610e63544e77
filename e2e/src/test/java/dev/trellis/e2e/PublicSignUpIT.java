package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Mailbox;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Public sign-up through the gateway, without a token, with the real mail: the confirmation link is read from
 * GreenMail, opened (which confirms nothing) and its page's button posted, as a browser would.
 */
class PublicSignUpIT {
    private static final Pattern LINK = Pattern.compile("(http\\S+/sign-ups/confirmation\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"token\" value=\"([^\"]+)\">");

    @Test
    void anAnonymousSignUpIsConfirmedThroughTheMailsLinkAndRegisters() throws Exception {
        String event = publicEvent(10);
        String to = Mailbox.address("signup");
        Http.Response accepted = signUp(event, "Grace Hopper", to);
        assertEquals(202, accepted.status(), accepted.toString());
        assertEquals("CHECK_YOUR_MAIL", accepted.json().get("status").asText());
        assertEquals(0, registrations(event).size(), "a sign-up is held, not registered");

        Mailbox.Mail mail = Mailbox.await(to, 1).get(0);
        assertTrue(mail.subject().startsWith("Please confirm your registration: "), mail.subject());
        URI link = link(mail);
        assertEquals(Stack.GATEWAY.getAuthority(), link.getAuthority(), "the link leads to the gateway: " + link);

        // What a mail scanner does: fetch the link. It shows the page and confirms nothing.
        Http.Response page = Http.get(Caller.ANONYMOUS, link);
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page.toString());
        assertEquals(0, registrations(event).size(), "opening the link confirms nothing");

        // What the reader does: press the page's button.
        Http.Response answer = pressConfirm(page);
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.body().contains("You are registered."), answer.body());

        List<JsonNode> registered = registrations(event);
        assertEquals(1, registered.size());
        assertEquals(to, registered.get(0).get("email").asText());
        assertEquals("REGISTERED", registered.get(0).get("status").asText());
        assertEquals("WEB", registered.get(0).get("source").asText());
        List<Mailbox.Mail> mails = Mailbox.await(to, 2);
        assertTrue(mails.get(1).subject().startsWith("You are registered: "), mails.get(1).subject());
        assertTrue(mails.get(1).text().contains("X-Cancel-Token: "), mails.get(1).text());
    }

    @Test
    void anUnconfirmedSignUpTakesNoSeat() throws Exception {
        String event = publicEvent(1);
        String pending = Mailbox.address("pending");
        assertEquals(202, signUp(event, "Pending Person", pending).status());
        URI link = link(Mailbox.await(pending, 1).get(0));

        // While the first waits for its confirmation, someone else signs up, confirms, and gets the only seat.
        String other = Mailbox.address("other");
        assertEquals(202, signUp(event, "Other Person", other).status());
        Http.Response otherAnswer = pressConfirm(Http.get(Caller.ANONYMOUS, link(Mailbox.await(other, 1).get(0))));
        assertTrue(otherAnswer.body().contains("You are registered."), otherAnswer.body());

        // The first confirms late: the seat is gone, so the waitlist.
        Http.Response late = pressConfirm(Http.get(Caller.ANONYMOUS, link));
        assertEquals(200, late.status(), late.toString());
        assertTrue(late.body().contains("on its waitlist"), late.body());
        Map<String, String> statusByEmail = new java.util.HashMap<>();
        registrations(event).forEach(r -> statusByEmail.put(r.get("email").asText(), r.get("status").asText()));
        assertEquals(Map.of(other, "REGISTERED", pending, "WAITLISTED"), statusByEmail);
    }

    @Test
    void aSecondSignUpOfTheSameAddressIsAnsweredAsTheFirst() throws Exception {
        String event = publicEvent(10);
        String to = Mailbox.address("again");
        Http.Response first = signUp(event, "Again", to);
        pressConfirm(Http.get(Caller.ANONYMOUS, link(Mailbox.await(to, 1).get(0))));
        Mailbox.await(to, 2);

        Http.Response second = signUp(event, "Again", to);
        assertEquals(first.status(), second.status());
        assertEquals(first.body(), second.body());
        assertEquals(first.header("Content-Type"), second.header("Content-Type"));
        Mailbox.Mail notice = Mailbox.await(to, 3).get(2);
        assertTrue(notice.subject().startsWith("You are registered already: "), notice.subject());
        assertEquals(1, registrations(event).size());

        // An address never seen gets the very same answer.
        Http.Response stranger = signUp(event, "Stranger", Mailbox.address("stranger"));
        assertEquals(first.status(), stranger.status());
        assertEquals(first.body(), stranger.body());
    }

    private static Http.Response pressConfirm(Http.Response page) {
        Matcher form = FORM.matcher(page.body());
        assertTrue(form.find(), "the page has the confirm form: " + page);
        return Http.send(Http.request(Stack.GATEWAY.resolve(form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(form.group(2),
                        StandardCharsets.UTF_8))));
    }

    private static URI link(Mailbox.Mail mail) {
        Matcher m = LINK.matcher(mail.text());
        assertTrue(m.find(), "a confirmation link in: " + mail.text());
        return URI.create(m.group(1));
    }

    private static Http.Response signUp(String event, String name, String email) {
        return Http.call(Caller.ANONYMOUS, "POST", Stack.GATEWAY.resolve("/api/events/" + event + "/sign-ups"),
                "{\"name\": \"" + name + "\", \"email\": \"" + email + "\"}");
    }

    private static List<JsonNode> registrations(String event) {
        Http.Response r = Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/events/" + event + "/registrations"));
        assertEquals(200, r.status(), r.toString());
        List<JsonNode> items = new java.util.ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    /** A published meetup of the test's own that anyone may sign up for. */
    private static String publicEvent(int capacity) {
        Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Http.Response created = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/events"), """
                {"kind": "MEETUP", "title": "Sign-up %s", "startsAt": "%s", "endsAt": "%s", "timeZone": "Europe/Berlin",
                 "venue": "Online", "capacity": %d, "publicSignUp": true}
                """.formatted(UUID.randomUUID(), startsAt, startsAt.plus(Duration.ofHours(2)), capacity));
        assertEquals(201, created.status(), created.toString());
        String event = created.json().get("id").asText();
        Http.Response published = Http.call(Caller.TEAM, "POST",
                Stack.GATEWAY.resolve("/api/events/" + event + "/status-changes"), "{\"status\": \"PUBLISHED\"}",
                Map.of("If-Match", "*"));
        assertEquals(200, published.status(), published.toString());
        return event;
    }
}

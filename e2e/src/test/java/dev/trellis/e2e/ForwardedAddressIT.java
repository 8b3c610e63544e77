package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Through the gateway no response names an internal address: every Location and Link a caller receives
 * from each service points at the gateway, and following it gives the resource.
 */
class ForwardedAddressIT {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>");
    private static final List<String> INTERNAL = List.of(":8081", ":8082", ":8083", ":8084", "partner-service", "advisory-service",
            "event-service", "insights-service");

    @Test
    void everyLocationAndLinkPointsAtTheGatewayAndLeadsToTheResource() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<Http.Response> responses = new ArrayList<>();
        Http.Response contact = Http.call(Caller.TEAM, "POST", api("/api/contacts"), """
                {"firstName": "Lou", "lastName": "Located-%s", "email": "lou.%s@example.org"}
                """.formatted(suffix, suffix));
        assertEquals(201, contact.status(), contact.toString());
        responses.add(contact);
        Instant startsAt = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        Http.Response event = Http.call(Caller.TEAM, "POST", api("/api/events"), """
                {"kind": "MEETUP", "title": "Located %s", "startsAt": "%s", "endsAt": "%s", "timeZone": "Europe/Berlin",
                 "venue": "Online", "capacity": 10}
                """.formatted(suffix, startsAt, startsAt.plus(Duration.ofHours(2))));
        assertEquals(201, event.status(), event.toString());
        responses.add(event);
        responses.add(Http.get(Caller.TEAM, api("/api/partners?limit=1")));
        responses.add(Http.get(Caller.TEAM, api("/api/contacts?limit=1")));
        responses.add(Http.get(Caller.TEAM, api("/api/events?limit=1")));
        responses.add(Http.get(Caller.STAFF, api("/api/boards?limit=1")));
        responses.add(Http.get(Caller.TEAM, api("/api/insights/at-risk?limit=1")));
        responses.add(Http.get(Caller.TEAM, api("/api/insights/partners/" + Stack.PARTNER_A + "/timeline?limit=1")));

        List<URI> followed = new ArrayList<>();
        for (Http.Response response : responses) {
            response.headers().forEach((name, values) -> values.forEach(value -> INTERNAL.forEach(internal ->
                    assertFalse(value.contains(internal), name + ": " + value + " names an internal address"))));
            response.header("Location").ifPresent(location -> followed.add(URI.create(location)));
            response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Link"))
                    .flatMap(e -> e.getValue().stream()).forEach(link -> {
                        Matcher m = LINK.matcher(link);
                        while (m.find()) {
                            followed.add(URI.create(m.group(1)));
                        }
                    });
        }
        assertTrue(followed.size() >= 4, "the creations gave Locations and the lists Links: " + followed);
        for (URI uri : followed) {
            assertEquals(Stack.GATEWAY.getScheme() + "://" + Stack.GATEWAY.getAuthority(),
                    uri.getScheme() + "://" + uri.getAuthority(), uri + " is not the gateway's address");
            Http.Response target = Http.get(uri.getPath().startsWith("/api/boards") ? Caller.STAFF : Caller.TEAM, uri);
            assertEquals(200, target.status(), uri + " → " + target);
        }

        String eventId = event.json().get("id").asText();
        Http.call(Caller.TEAM, "POST", api("/api/events/" + eventId + "/status-changes"), "{\"status\": \"CANCELLED\"}",
                Map.of("If-Match", "*"));
    }

    private static URI api(String path) {
        return URI.create(Stack.GATEWAY + path);
    }
}

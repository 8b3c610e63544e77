package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A private calendar feed through the gateway: paula, whose organisation holds a seat on the demo Governing Board, makes
 * a feed, a calendar application reads it without a token at the gateway's address, and once she revokes it the address
 * is dead. Who may list and revoke feeds is in {@link RoleMatrixIT}.
 */
class CalendarFeedIT {
    private static final UUID GOVERNING_BOARD = UUID.fromString("c3c3c3c3-0000-4000-8000-000000000001");

    @Test
    void aPartnersFeedIsReadableWithoutATokenUntilRevoked() {
        Http.Response created = Http.call(Caller.PARTNER_A, "POST", api("/api/boards/" + GOVERNING_BOARD + "/calendar-feeds"), null);
        assertEquals(201, created.status(), created.toString());
        URI feedUrl = URI.create(created.json().get("feedUrl").asText());
        assertEquals(Stack.GATEWAY.getAuthority(), feedUrl.getAuthority(), "the address is the gateway's: " + feedUrl);

        Http.Response feed = Http.get(Caller.ANONYMOUS, feedUrl);
        assertEquals(200, feed.status(), feed.toString());
        assertTrue(feed.header("Content-Type").orElse("").startsWith("text/calendar"), feed.toString());
        assertTrue(feed.body().contains("BEGIN:VCALENDAR") && feed.body().contains("BEGIN:VEVENT"), feed.body());

        // Another partner neither sees nor revokes it.
        String feedId = created.json().get("id").asText();
        URI feedResource = api("/api/boards/" + GOVERNING_BOARD + "/calendar-feeds/" + feedId);
        assertEquals(404, Http.get(Caller.PARTNER_B, feedResource).status());
        assertEquals(404, Http.call(Caller.PARTNER_B, "DELETE", feedResource, null).status());

        Http.Response revoked = Http.call(Caller.PARTNER_A, "DELETE", feedResource, null);
        assertEquals(200, revoked.status(), revoked.toString());
        Http.Response dead = Http.get(Caller.ANONYMOUS, feedUrl);
        assertEquals(404, dead.status(), dead.toString());
        assertTrue(dead.header("Content-Type").orElse("").startsWith("application/problem+json"), dead.toString());
    }

    private static URI api(String path) {
        return Stack.GATEWAY.resolve(path);
    }
}

package dev.trellis.advisory.rest;

import dev.trellis.advisory.service.CalendarSubscriptionService;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.ical.ICalendar;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A private calendar feed at its secret address, for calendar applications: no token, the secret is the key. It shows
 * what the feed's owner may see today; an unknown, revoked or no longer readable feed is a 404 that says no more.
 */
@Path("/api/boards/calendar-feeds")
@Tag(name = "Board meetings")
public class CalendarFeedResource {
    private final CalendarSubscriptionService feeds;

    public CalendarFeedResource(CalendarSubscriptionService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{secret}.ics")
    @PermitAll
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "A private feed of a board's meetings, by its secret address (no token)")
    @APIResponse(responseCode = "200", description = "A VCALENDAR of the meetings the feed's owner may see")
    @APIResponse(responseCode = "404", description = "No such feed, or it was revoked, or its owner may no longer read the board")
    public Response feed(@PathParam("secret") String secret) {
        CalendarSubscriptionService.Feed feed = feeds.feed(secret)
                .orElseThrow(() -> NotFound.of("Calendar feed", "at this address"));
        return CalendarResource.ics(feed.board(), feed.meetings());
    }
}

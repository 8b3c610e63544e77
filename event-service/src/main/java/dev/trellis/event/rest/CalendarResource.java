package dev.trellis.event.rest;

import dev.trellis.event.service.CalendarService;
import dev.trellis.platform.ical.ICalendar;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The iCalendar (RFC 5545) feed of all events; public, no token. Single events and user groups have theirs too. */
@Path("/api/calendar")
@Tag(name = "Calendar feeds")
public class CalendarResource {
    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("/events.ics")
    @PermitAll
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "All published events (from a year back) as an iCalendar feed")
    @APIResponse(responseCode = "200", description = "The feed; cancelled events carry STATUS:CANCELLED")
    public Response allEvents() {
        return feed(calendars.allEvents(), "trellis-events.ics");
    }

    /** A feed as a response that calendar apps take inline. */
    static Response feed(String body, String filename) {
        return Response.ok(body, ICalendar.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }
}

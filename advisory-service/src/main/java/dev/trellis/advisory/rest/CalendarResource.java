package dev.trellis.advisory.rest;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.service.BoardService;
import dev.trellis.advisory.service.MeetingService;
import dev.trellis.contracts.advisory.BoardMeetingScheduled;
import dev.trellis.platform.ical.CalendarEntry;
import dev.trellis.platform.ical.ICalendar;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A board's meetings as an iCalendar feed (RFC 5545), with a bearer token: for whoever may read the board's meetings.
 * Calendar applications, which send no token, subscribe to a private feed instead
 * ({@link CalendarSubscriptionResource}).
 */
@Path("/api/boards/{id}/calendar.ics")
@Tag(name = "Board meetings")
public class CalendarResource {
    private final BoardService boards;
    private final MeetingService meetings;
    private final Callers callers;

    public CalendarResource(BoardService boards, MeetingService meetings, Callers callers) {
        this.boards = boards;
        this.meetings = meetings;
        this.callers = callers;
    }

    @GET
    @Produces(ICalendar.MEDIA_TYPE)
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "The board's meetings, past and upcoming, as iCalendar; a partner's for a board it holds a seat on today")
    @APIResponse(responseCode = "200", description = "A VCALENDAR with one VEVENT per meeting, in the meeting's own time zone")
    @APIResponse(responseCode = "404", description = "No such board, or (for a partner) no seat on it today")
    public Response feed(@PathParam("id") UUID id) {
        List<BoardMeeting> all = meetings.all(id, callers.current());
        return ics(boards.get(id), all);
    }

    /** The board's meetings as an iCalendar response, private to its reader. */
    static Response ics(Board board, List<BoardMeeting> meetings) {
        List<CalendarEntry> entries = meetings.stream().map(CalendarResource::entry).toList();
        return Response.ok(ICalendar.of("-//Trellis//advisory-service//EN", board.name, entries).write(), ICalendar.MEDIA_TYPE)
                .header("Cache-Control", "private, no-store").build();
    }

    private static CalendarEntry entry(BoardMeeting m) {
        return new CalendarEntry(BoardMeetingScheduled.calendarUid(m.id), m.start(), m.start().plusMinutes(m.durationMinutes),
                m.title, m.agenda, m.venue, m.onlineUrl == null ? null : URI.create(m.onlineUrl), false, (int) Math.min(Integer.MAX_VALUE, m.version), m.createdAt);
    }
}

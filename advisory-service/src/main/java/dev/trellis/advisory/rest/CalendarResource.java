package dev.trellis.advisory.rest;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.service.BoardService;
import dev.trellis.advisory.service.MeetingService;
import dev.trellis.platform.ical.CalendarEntry;
import dev.trellis.platform.ical.ICalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A board's meetings as an iCalendar feed (RFC 5545), for staff and the community team to subscribe to. */
@Path("/api/boards/{id}/calendar.ics")
@Tag(name = "Board meetings")
public class CalendarResource {
    private final BoardService boards;
    private final MeetingService meetings;

    public CalendarResource(BoardService boards, MeetingService meetings) {
        this.boards = boards;
        this.meetings = meetings;
    }

    @GET
    @Produces(ICalendar.MEDIA_TYPE)
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The board's meetings, past and upcoming, as iCalendar")
    @APIResponse(responseCode = "200", description = "A VCALENDAR with one VEVENT per meeting, in the meeting's own time zone")
    public Response feed(@PathParam("id") UUID id) {
        Board board = boards.get(id);
        List<CalendarEntry> entries = meetings.all(id).stream().map(CalendarResource::entry).toList();
        return Response.ok(ICalendar.of("-//Trellis//advisory-service//EN", board.name, entries).write(), ICalendar.MEDIA_TYPE).build();
    }

    private static CalendarEntry entry(BoardMeeting m) {
        return new CalendarEntry("board-meeting-" + m.id + "@trellis.dev", m.start(), m.start().plusMinutes(m.durationMinutes),
                m.title, m.agenda, null, null, false, (int) Math.min(Integer.MAX_VALUE, m.version), m.createdAt);
    }
}

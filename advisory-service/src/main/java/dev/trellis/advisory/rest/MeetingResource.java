package dev.trellis.advisory.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.domain.Resolution;
import dev.trellis.advisory.rest.dto.AttendanceRequest;
import dev.trellis.advisory.rest.dto.CloseMeetingRequest;
import dev.trellis.advisory.rest.dto.MeetingRequest;
import dev.trellis.advisory.rest.dto.MeetingResponse;
import dev.trellis.advisory.rest.dto.ResolutionRequest;
import dev.trellis.advisory.rest.dto.ResolutionResponse;
import dev.trellis.advisory.rest.dto.RollResponse;
import dev.trellis.advisory.service.MeetingService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A board's meetings: staff schedule and run them, the community team reads them, and a partner user
 * whose organisation holds a seat on the board today lists and reads them (any other partner gets 404).
 */
@Path("/api/boards/{id}/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Board meetings")
public class MeetingResource {
    private final MeetingService meetings;
    private final Callers callers;
    private final ObjectMapper json;

    public MeetingResource(MeetingService meetings, Callers callers, ObjectMapper json) {
        this.meetings = meetings;
        this.callers = callers;
        this.json = json;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "The board's meetings by start, cursor-paged; a partner sees those of a board it holds a seat on today")
    @APIResponse(responseCode = "200", description = "One page of meetings")
    @APIResponse(responseCode = "404", description = "No such board, or (for a partner) no seat on it today")
    public Response list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageResponses.of(meetings.list(id, callers.current(), PageRequest.of(limit, cursor)).map(MeetingResponse::of), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Schedule a meeting (local date-time in an IANA time zone)")
    @APIResponse(responseCode = "201", description = "The meeting")
    @APIResponse(responseCode = "400", description = "An unknown time zone, or a missing field")
    public Response schedule(@PathParam("id") UUID id, @Valid @NotNull MeetingRequest r, @Context UriInfo uri) {
        BoardMeeting m = meetings.schedule(id, r.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(m.id.toString()).build()).entity(MeetingResponse.of(m))
                .tag(EntityTags.of(m.version)).build();
    }

    @GET
    @Path("/{meetingId}")
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "One meeting; a partner reads those of a board it holds a seat on today")
    @APIResponse(responseCode = "200", description = "The meeting")
    @APIResponse(responseCode = "404", description = "No such meeting on this board (or, for a partner, no seat on the board today)")
    public Response get(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId) {
        BoardMeeting m = meetings.get(id, meetingId, callers.current());
        return Response.ok(MeetingResponse.of(m)).tag(EntityTags.of(m.version)).build();
    }

    @GET
    @Path("/{meetingId}/attendance")
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The meeting's attendance per expected seat and its quorum")
    @APIResponse(responseCode = "200", description = "The attendance")
    public RollResponse attendance(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId) {
        return RollResponse.of(meetings.roll(id, meetingId));
    }

    @PUT
    @Path("/{meetingId}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Record the attendance (present, absent, represented by the alternate); computes quorum")
    @APIResponse(responseCode = "200", description = "The attendance with quorum")
    @APIResponse(responseCode = "409", description = "The meeting is closed (meeting-held) or has not started (meeting-not-started)")
    @APIResponse(responseCode = "422", description = "A seat not held on the board on the meeting's day")
    public RollResponse recordAttendance(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId,
            @Valid @NotNull AttendanceRequest request) {
        return RollResponse.of(meetings.recordAttendance(id, meetingId, request.toCommand()));
    }

    @GET
    @Path("/{meetingId}/resolutions")
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The meeting's resolutions with votes and outcomes, in the order they were put, cursor-paged")
    @APIResponse(responseCode = "200", description = "One page of resolutions")
    public Response resolutions(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return PageResponses.of(meetings.resolutions(id, meetingId, PageRequest.of(limit, cursor)).map(r -> ResolutionResponse.of(r, json)),
                uri);
    }

    @GET
    @Path("/{meetingId}/resolutions/{resolutionId}")
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "One resolution with its votes and outcome")
    @APIResponse(responseCode = "200", description = "The resolution")
    @APIResponse(responseCode = "404", description = "No such resolution of this meeting")
    public ResolutionResponse resolution(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId,
            @PathParam("resolutionId") UUID resolutionId) {
        return ResolutionResponse.of(meetings.resolution(id, meetingId, resolutionId), json);
    }

    @POST
    @Path("/{meetingId}/resolutions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Record a resolution with the votes of the voting members present; the outcome follows the board's decision rule")
    @APIResponse(responseCode = "201", description = "The resolution with its outcome (ADOPTED, REJECTED, NO_QUORUM), at its Location")
    @APIResponse(responseCode = "409", description = "Attendance not recorded yet")
    @APIResponse(responseCode = "422", description = "A vote from a seat that is not a voting member present")
    public Response resolve(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId, @Valid @NotNull ResolutionRequest request,
            @Context UriInfo uri) {
        Resolution r = meetings.resolve(id, meetingId, request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build()).entity(ResolutionResponse.of(r, json)).build();
    }

    @POST
    @Path("/{meetingId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Close the meeting: applies the attendance rule (voting-suspended/restored) and publishes board-meeting-held")
    @APIResponse(responseCode = "200", description = "The closed meeting")
    @APIResponse(responseCode = "409", description = "Closed already (meeting-held), not started (meeting-not-started), or attendance not recorded (attendance-missing)")
    public Response close(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId, @Valid CloseMeetingRequest request) {
        BoardMeeting m = meetings.close(id, meetingId, request == null ? null : request.minutes());
        return Response.ok(MeetingResponse.of(m)).build();
    }
}

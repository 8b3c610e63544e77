package dev.trellis.advisory.rest;

import dev.trellis.advisory.domain.SeatFilter;
import dev.trellis.advisory.rest.dto.AppointRequest;
import dev.trellis.advisory.rest.dto.OverrideResponse;
import dev.trellis.advisory.rest.dto.SeatResponse;
import dev.trellis.advisory.rest.dto.VacateRequest;
import dev.trellis.advisory.service.SeatService;
import dev.trellis.advisory.service.SeatView;
import dev.trellis.advisory.service.command.Vacancy;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seats on a board. Staff appoint and vacate; the community team reads all; a partner user reads only
 * the seats held for its own organisation.
 */
@Path("/api/boards/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seats")
public class SeatResource {
    private final SeatService seats;
    private final Callers callers;

    private final CsvExports csv;

    public SeatResource(SeatService seats, Callers callers, CsvExports csv) {
        this.csv = csv;
        this.seats = seats;
        this.callers = callers;
    }

    @GET
    @Path("/seats")
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "The board's seats, past, present and future, by term start, cursor-paged; a partner sees its own",
            description = CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page of seats")
    @APIResponse(responseCode = "400", description = "An unknown status")
    public Response list(@PathParam("id") UUID id,
            @Parameter(description = "Only seats that are UPCOMING, HELD, ENDED or VACATED today, or FLAGGED (an open flag) or "
                    + "SUSPENDED (voting suspended)", example = "HELD") @QueryParam("status") String status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        SeatFilter filter = status == null || status.isBlank() ? null : SeatFilter.parse(status).orElseThrow(() ->
                InvalidInput.field("status", "must be one of " + Arrays.toString(SeatFilter.values())));
        Caller caller = callers.current();
        return csv.list(headers, uri, limit, cursor, SeatResponse.CSV,
                page -> seats.list(id, caller, filter, page).map(SeatResponse::of));
    }

    @GET
    @Path("/seats/{seatId}")
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "One seat, with its ETag")
    @APIResponse(responseCode = "200", description = "The seat")
    @APIResponse(responseCode = "404", description = "No such seat on this board (or not the partner's own)")
    public Response get(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId) {
        return view(seats.get(id, seatId, callers.current()), Response.ok());
    }

    @POST
    @Path("/seats")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Appoint a holder; checked against the board's policy unless staff override the broken rules with a reason")
    @APIResponse(responseCode = "201", description = "The seat")
    @APIResponse(responseCode = "409", description = "The board as it stands breaks a rule; the problem type ends in the rule id, e.g. company-group-cap, and rules list every rule broken")
    @APIResponse(responseCode = "422", description = "The appointment can never satisfy the policy, e.g. term-length or term-start; "
            + "or the holder or alternate is no contact partner-service registered, or one it erased (unknown-contact)")
    public Response appoint(@PathParam("id") UUID id, @Valid @NotNull AppointRequest request, @Context UriInfo uri) {
        SeatView seat = seats.appoint(id, request.toAppointment(), callers.current());
        return view(seat, Response.created(uri.getAbsolutePathBuilder().path(seat.seat().id.toString()).build()));
    }

    @POST
    @Path("/seats/{seatId}/vacate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Vacate a seat from a date (default today); publishes seat-vacated")
    @APIResponse(responseCode = "200", description = "The vacated seat")
    @APIResponse(responseCode = "409", description = "Vacated already, or its term has ended")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response vacate(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid VacateRequest request) {
        Vacancy vacancy = request == null ? Vacancy.TODAY : request.toCommand();
        return view(seats.vacate(id, seatId, ifMatch, vacancy), Response.ok());
    }

    @GET
    @Path("/overrides")
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The audit of policy overrides on this board, newest first, cursor-paged")
    @APIResponse(responseCode = "200", description = "One page of overrides")
    public Response overrides(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageResponses.of(seats.overrides(id, PageRequest.of(limit, cursor)).map(OverrideResponse::of), uri);
    }

    private static Response view(SeatView seat, Response.ResponseBuilder response) {
        return response.entity(SeatResponse.of(seat)).tag(EntityTags.of(seat.seat().version)).build();
    }
}

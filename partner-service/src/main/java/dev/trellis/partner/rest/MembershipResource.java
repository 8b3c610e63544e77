package dev.trellis.partner.rest;

import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.rest.dto.ChangeTierRequest;
import dev.trellis.partner.rest.dto.EndMembershipRequest;
import dev.trellis.partner.rest.dto.MembershipChangeResponse;
import dev.trellis.partner.rest.dto.MembershipResponse;
import dev.trellis.partner.rest.dto.RenewMembershipRequest;
import dev.trellis.partner.rest.dto.StartMembershipRequest;
import dev.trellis.partner.service.MembershipService;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.security.Callers;
import dev.trellis.platform.validation.Values;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's membership. foundation-staff manage it, community-team read it, a partner user reads its
 * own organisation's (not its history) and changes nothing.
 */
@Path("/api/partners/{partnerId}/membership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class MembershipResource {
    private final MembershipService memberships;
    private final Callers callers;

    private final CsvExports csv;

    public MembershipResource(MembershipService memberships, Callers callers, CsvExports csv) {
        this.csv = csv;
        this.memberships = memberships;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "A partner's membership as of today, or of ?on=YYYY-MM-DD")
    @APIResponse(responseCode = "200", description = "The membership, with its ETag")
    @APIResponse(responseCode = "403", description = "A partner user asking about another organisation")
    @APIResponse(responseCode = "404", description = "No such partner, or it has no membership")
    public Response get(@PathParam("partnerId") UUID partnerId,
            @Parameter(description = "Day to derive tier and status for (ISO date, default today in the foundation's zone)", example = "2026-03-31")
            @QueryParam("on") String on) {
        LocalDate day = parseOn(on);
        Membership membership = memberships.get(callers.current(), partnerId);
        return Response.ok(MembershipResponse.of(membership, memberships.termsOn(membership, day), memberships.rules(), day))
                .tag(EntityTags.of(membership.version)).build();
    }

    @PUT
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Start the partner's membership, or replace one that has expired")
    @APIResponse(responseCode = "201", description = "The first membership of the partner")
    @APIResponse(responseCode = "200", description = "An expired membership replaced")
    @APIResponse(responseCode = "409", description = "The existing membership has not expired")
    @APIResponse(responseCode = "428", description = "A membership exists and If-Match was not sent")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Response start(@PathParam("partnerId") UUID partnerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StartMembershipRequest request, @Context UriInfo uri) {
        MembershipService.Started started = memberships.start(partnerId, ifMatch, request.toCommand(),
                callers.current());
        Response.ResponseBuilder response = started.created()
                ? Response.created(uri.getRequestUriBuilder().replaceQuery(null).build())
                : Response.ok();
        return response.entity(view(started.membership())).tag(EntityTags.of(started.membership().version)).build();
    }

    @POST
    @Path("/renewals")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Renew by whole months: extends the term, or starts a new one after expiry")
    @APIResponse(responseCode = "200", description = "The renewed membership")
    public Response renew(@PathParam("partnerId") UUID partnerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RenewMembershipRequest request) {
        return changed(memberships.renew(partnerId, ifMatch, request.months(), callers.current()));
    }

    @POST
    @Path("/tier-changes")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Change tier from an effective date, today or later")
    @APIResponse(responseCode = "200", description = "The membership with the change applied or pending")
    public Response changeTier(@PathParam("partnerId") UUID partnerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ChangeTierRequest request) {
        return changed(memberships.changeTier(partnerId, ifMatch, request.tier(), request.effectiveDate(),
                callers.current()));
    }

    @POST
    @Path("/end")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "End the membership on a date within its term (no grace, no auto-renew)")
    @APIResponse(responseCode = "200", description = "The ended membership")
    public Response end(@PathParam("partnerId") UUID partnerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EndMembershipRequest request) {
        return changed(memberships.end(partnerId, ifMatch, request.endDate(), callers.current()));
    }

    @GET
    @Path("/history")
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The membership's history, newest first, cursor-paged", description = CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page of history lines")
    public Response history(@PathParam("partnerId") UUID partnerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri, @Context HttpHeaders headers) {
        return csv.list(headers, uri, limit, cursor, MembershipChangeResponse.CSV,
                page -> memberships.history(partnerId, page).map(MembershipChangeResponse::of));
    }

    private Response changed(Membership membership) {
        return Response.ok(view(membership)).tag(EntityTags.of(membership.version)).build();
    }

    private MembershipResponse view(Membership membership) {
        LocalDate today = memberships.today();
        return MembershipResponse.of(membership, memberships.termsOn(membership, today), memberships.rules(), today);
    }

    private LocalDate parseOn(String on) {
        LocalDate day = Values.day("on", on);
        return day == null ? memberships.today() : day;
    }
}

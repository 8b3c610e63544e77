package dev.trellis.event.rest;

import dev.trellis.event.domain.Sponsorship;
import dev.trellis.event.rest.dto.SponsorshipRequest;
import dev.trellis.event.rest.dto.SponsorshipResponse;
import dev.trellis.event.service.SponsorshipService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sponsorships of one event. The community team manages them; staff read all; a partner user its own. */
@Path("/api/events/{eventId}/sponsorships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sponsorships")
public class SponsorshipResource {
    private final SponsorshipService sponsorships;
    private final Callers callers;

    public SponsorshipResource(SponsorshipService sponsorships, Callers callers) {
        this.sponsorships = sponsorships;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff", "partner"})
    @Operation(summary = "List an event's sponsorships, oldest first (cursor-paged)",
            description = "A partner user sees only its own.")
    @APIResponse(responseCode = "200", description = "One page")
    public Response list(@PathParam("eventId") UUID eventId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return PageResponses.of(sponsorships.list(eventId, page, callers.current()).map(SponsorshipResponse::of), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"community-team", "foundation-staff", "partner"})
    @Operation(summary = "Read a sponsorship")
    @APIResponse(responseCode = "200", description = "The sponsorship, with its ETag")
    @APIResponse(responseCode = "404", description = "No such sponsorship, or another partner's")
    public Response get(@PathParam("eventId") UUID eventId, @PathParam("id") UUID id) {
        return withETag(sponsorships.find(eventId, id, callers.current()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Propose a sponsorship", description = "Only a partner that is ACTIVE in the partner read model may sponsor.")
    @APIResponse(responseCode = "201", description = "PROPOSED; Location names it")
    @APIResponse(responseCode = "400", description = "A field is invalid (amount, currency, level)")
    @APIResponse(responseCode = "422", description = "The partner is unknown, lapsed, former or a prospect")
    public Response propose(@PathParam("eventId") UUID eventId, @Valid @NotNull SponsorshipRequest request,
            @Context UriInfo uri) {
        Sponsorship s = sponsorships.propose(eventId, request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .entity(SponsorshipResponse.of(s)).tag(EntityTags.of(s.version)).build();
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed("community-team")
    @Operation(summary = "Confirm a proposed sponsorship (If-Match required)", description = "Records sponsorship-confirmed.")
    @APIResponse(responseCode = "200", description = "CONFIRMED, with the new ETag")
    @APIResponse(responseCode = "409", description = "Not proposed (confirmed or cancelled already)")
    @APIResponse(responseCode = "422", description = "The partner is no longer active, or not a member (current or in grace) today")
    public Response confirm(@PathParam("eventId") UUID eventId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(sponsorships.confirm(eventId, id, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("community-team")
    @Operation(summary = "Cancel a sponsorship (If-Match required)")
    @APIResponse(responseCode = "200", description = "CANCELLED")
    @APIResponse(responseCode = "409", description = "Cancelled already")
    public Response cancel(@PathParam("eventId") UUID eventId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(sponsorships.cancel(eventId, id, ifMatch));
    }

    private static Response withETag(Sponsorship s) {
        return Response.ok(SponsorshipResponse.of(s)).tag(EntityTags.of(s.version)).build();
    }
}

package dev.trellis.advisory.rest;

import dev.trellis.advisory.rest.dto.CalendarSubscriptionResponse;
import dev.trellis.advisory.service.CalendarSubscriptionService;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Private calendar feeds of a board's meetings: a secret address per user that a calendar application subscribes to
 * without a token, like the secret address calendar services offer. Whoever may read the board's meetings makes their
 * own; the owner or foundation staff revoke it.
 */
@Path("/api/boards/{id}/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Board meetings")
public class CalendarSubscriptionResource {
    private final CalendarSubscriptionService feeds;
    private final Callers callers;

    public CalendarSubscriptionResource(CalendarSubscriptionService feeds, Callers callers) {
        this.feeds = feeds;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "Make a private feed of the board's meetings for yourself; its secret address is shown this once")
    @APIResponse(responseCode = "201", description = "The feed, with feedUrl")
    @APIResponse(responseCode = "404", description = "No such board, or (for a partner) no seat on it today")
    public Response create(@PathParam("id") UUID id, @Context UriInfo uri) {
        CalendarSubscriptionService.Created created = feeds.create(id, callers.current());
        URI feedUrl = uri.getBaseUriBuilder().path(CalendarFeedResource.class).path(CalendarFeedResource.class, "feed")
                .build(created.secret());
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id.toString()).build())
                .entity(CalendarSubscriptionResponse.of(created.subscription(), feedUrl))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "The board's feeds: all of them for foundation staff, your own for anyone else")
    @APIResponse(responseCode = "200", description = "One page of feeds, without their secrets")
    public Response list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageResponses.of(feeds.list(id, callers.current(), PageRequest.of(limit, cursor)).map(CalendarSubscriptionResponse::of),
                uri);
    }

    @GET
    @Path("/{feedId}")
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "One feed, without its secret")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "404", description = "No such feed, or not yours")
    public CalendarSubscriptionResponse get(@PathParam("id") UUID id, @PathParam("feedId") UUID feedId) {
        return CalendarSubscriptionResponse.of(feeds.get(id, feedId, callers.current()));
    }

    @DELETE
    @Path("/{feedId}")
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "Revoke a feed for good: its address stops working at once (owner or foundation staff)")
    @APIResponse(responseCode = "200", description = "The revoked feed")
    @APIResponse(responseCode = "404", description = "No such feed, or not yours")
    @APIResponse(responseCode = "409", description = "Already revoked")
    public CalendarSubscriptionResponse revoke(@PathParam("id") UUID id, @PathParam("feedId") UUID feedId) {
        return CalendarSubscriptionResponse.of(feeds.revoke(id, feedId, callers.current()));
    }
}

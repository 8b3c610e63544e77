package dev.trellis.event.rest;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.rest.dto.EventRequest;
import dev.trellis.event.rest.dto.EventResponse;
import dev.trellis.event.service.EventService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.Page;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.time.ZoneId;
import java.util.UUID;

/** Published events are public; drafts only the community team sees. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {
    private final EventService events;
    private final SecurityIdentity identity;

    public EventResource(EventService events, SecurityIdentity identity) {
        this.events = events;
        this.identity = identity;
    }

    @GET
    @PermitAll
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(events.list(page, publishedOnly()), page, EventService::cursorOf, EventResponse::of)
                .toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Response get(@PathParam("id") UUID id) {
        Event event = events.get(id, publishedOnly());
        return Response.ok(EventResponse.of(event)).tag(EntityTags.of(event.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    public Response create(@Valid @NotNull EventRequest request, @Context UriInfo uri) {
        try {
            ZoneId.of(request.timeZone());
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badRequest("timeZone", "is not a known IANA time zone");
        }
        Event event = events.create(UUID.randomUUID(), request.kind(), request.title().strip(), request.startsAt(),
                request.endsAt(), request.timeZone(), EventStatus.DRAFT);
        return Response.created(uri.getAbsolutePathBuilder().path(event.id.toString()).build())
                .entity(EventResponse.of(event)).tag(EntityTags.of(event.version)).build();
    }

    private boolean publishedOnly() {
        return !identity.hasRole("community-team");
    }
}

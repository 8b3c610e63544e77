package dev.trellis.event.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.rest.dto.EventPatch;
import dev.trellis.event.rest.dto.EventRequest;
import dev.trellis.event.rest.dto.EventResponse;
import dev.trellis.event.rest.dto.StatusChangeRequest;
import dev.trellis.event.service.CalendarService;
import dev.trellis.event.service.EventFilter;
import dev.trellis.event.service.EventService;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.ical.ICalendar;
import dev.trellis.platform.patch.MergePatch;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events: public once published; drafts and every change are the community team's. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {
    private final EventService events;
    private final Callers callers;
    private final ObjectMapper json;
    private final Validator validator;
    private final CalendarService calendars;

    private final CsvExports csv;

    public EventResource(EventService events, Callers callers, ObjectMapper json, Validator validator,
            CalendarService calendars, CsvExports csv) {
        this.csv = csv;
        this.calendars = calendars;
        this.events = events;
        this.callers = callers;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "List events by start time (cursor-paged)",
            description = "No token needed: anyone sees every event but drafts; the community team also sees drafts. "
                    + CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page; a Link rel=next header when there is more")
    @APIResponse(responseCode = "400", description = "A bad limit, cursor or filter")
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Parameter(description = "Only events in this status") @QueryParam("status") EventStatus status,
            @Parameter(description = "Only events of this kind") @QueryParam("kind") EventKind kind,
            @Parameter(description = "Only events starting at or after", example = "2027-01-01T00:00:00Z") @QueryParam("from") Instant from,
            @Parameter(description = "Only events starting before", example = "2028-01-01T00:00:00Z") @QueryParam("to") Instant to,
            @Parameter(description = "Only meetups of this user group") @QueryParam("userGroupId") UUID userGroupId,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        EventFilter filter = new EventFilter(status, kind, from, to, userGroupId);
        Caller caller = callers.current();
        return csv.list(headers, uri, limit, cursor, EventResponse.CSV,
                page -> events.list(page, filter, caller).map(EventResponse::of));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read an event (drafts: community team only)")
    @APIResponse(responseCode = "200", description = "The event, with its ETag")
    @APIResponse(responseCode = "404", description = "No such event, or a draft the caller may not see")
    public Response get(@PathParam("id") UUID id) {
        return withETag(events.get(id, callers.current()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Create an event as a draft")
    @APIResponse(responseCode = "201", description = "Created; Location names the event")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "403", description = "Not community team")
    public Response create(@Valid @NotNull EventRequest request, @Context UriInfo uri) {
        Event event = events.create(UUID.randomUUID(), request.toCommand(), EventStatus.DRAFT);
        return Response.created(uri.getAbsolutePathBuilder().path(event.id.toString()).build())
                .entity(EventResponse.of(event)).tag(EntityTags.of(event.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change an event's details (JSON merge patch; If-Match required)")
    @RequestBody(content = @Content(schema = @Schema(implementation = EventPatch.class)))
    @APIResponse(responseCode = "200", description = "The changed event, with its new ETag")
    @APIResponse(responseCode = "400", description = "A field is invalid or unknown")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "409", description = "The event is cancelled or completed")
    @APIResponse(responseCode = "422", description = "The capacity is below the seats taken, or a published event would have no place")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        return withETag(events.update(id, ifMatch,
                MergePatch.read(body, EventPatch.class, json, validator).map(EventPatch::toCommand)));
    }

    @POST
    @Path("/{id}/status-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Publish, complete or cancel an event (If-Match required)",
            description = "Publishing records event-published. Completing turns registrations that were not checked in into no-shows.")
    @APIResponse(responseCode = "200", description = "The event in its new status, with its new ETag")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status")
    @APIResponse(responseCode = "422", description = "Publishing without a venue or link, or completing before the start")
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChangeRequest request) {
        return withETag(events.changeStatus(id, ifMatch, request.status()));
    }

    @GET
    @Path("/{id}/calendar.ics")
    @PermitAll
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "One event as an iCalendar (RFC 5545) file", description = "No token needed.")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "404", description = "No such event, or a draft")
    public Response calendar(@PathParam("id") UUID id) {
        return CalendarResource.feed(calendars.event(id), "event-" + id + ".ics");
    }

    private static Response withETag(Event event) {
        return Response.ok(EventResponse.of(event)).tag(EntityTags.of(event.version)).build();
    }
}

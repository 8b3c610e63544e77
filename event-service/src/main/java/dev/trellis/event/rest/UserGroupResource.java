package dev.trellis.event.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.rest.dto.UserGroupPatch;
import dev.trellis.event.rest.dto.UserGroupRequest;
import dev.trellis.event.rest.dto.UserGroupResponse;
import dev.trellis.event.service.CalendarService;
import dev.trellis.event.service.UserGroupService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.ical.ICalendar;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.patch.MergePatch;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User groups (chapters): public to read, the community team's to manage. */
@Path("/api/user-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "User groups")
public class UserGroupResource {
    private static final int MEETUPS_SHOWN = 50;
    private final UserGroupService groups;
    private final ObjectMapper json;
    private final Validator validator;
    private final CalendarService calendars;

    public UserGroupResource(UserGroupService groups, ObjectMapper json, Validator validator, CalendarService calendars) {
        this.calendars = calendars;
        this.groups = groups;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @PermitAll
    @Operation(summary = "List user groups by name (cursor-paged), with health and eligibility", description = "No token needed.")
    @APIResponse(responseCode = "200", description = "One page")
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return PageResponses.of(groups.list(page).map(UserGroupResponse::of), uri);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read a user group with its meetups", description = "No token needed.")
    @APIResponse(responseCode = "200", description = "The group, with its ETag")
    @APIResponse(responseCode = "404", description = "No such user group")
    public Response get(@PathParam("id") UUID id) {
        UserGroupService.Summary s = groups.get(id);
        return Response.ok(UserGroupResponse.of(s, groups.meetups(id, MEETUPS_SHOWN)))
                .tag(EntityTags.of(s.group().version)).build();
    }

    @GET
    @Path("/{id}/calendar.ics")
    @PermitAll
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "A user group's meetups as an iCalendar (RFC 5545) feed", description = "No token needed.")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "404", description = "No such user group")
    public Response calendar(@PathParam("id") UUID id) {
        return CalendarResource.feed(calendars.userGroup(id), "user-group-" + id + ".ics");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Create a user group")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    public Response create(@Valid @NotNull UserGroupRequest request, @Context UriInfo uri) {
        UserGroup g = groups.create(UUID.randomUUID(), request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(g.id.toString()).build())
                .entity(UserGroupResponse.of(groups.get(g.id))).tag(EntityTags.of(g.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change a user group (JSON merge patch; If-Match required)")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserGroupPatch.class)))
    @APIResponse(responseCode = "200", description = "The changed group, with its new ETag")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        UserGroup g = groups.update(id, ifMatch,
                MergePatch.read(body, UserGroupPatch.class, json, validator).map(UserGroupPatch::toCommand));
        return Response.ok(UserGroupResponse.of(groups.get(g.id))).tag(EntityTags.of(g.version)).build();
    }
}

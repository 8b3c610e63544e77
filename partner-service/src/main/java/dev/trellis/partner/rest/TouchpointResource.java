package dev.trellis.partner.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.rest.dto.NextStepRequest;
import dev.trellis.partner.rest.dto.UpdateTouchpointRequest;
import dev.trellis.partner.service.TouchpointService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.patch.MergePatch;
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

/** One touchpoint, and adding next steps to it. Staff only. */
@Path("/api/touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints")
public class TouchpointResource {
    private final TouchpointService touchpoints;
    private final TouchpointViews views;
    private final ObjectMapper json;
    private final Validator validator;

    public TouchpointResource(TouchpointService touchpoints, TouchpointViews views, ObjectMapper json,
            Validator validator) {
        this.touchpoints = touchpoints;
        this.views = views;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Read a touchpoint, internal notes included")
    @APIResponse(responseCode = "200", description = "The touchpoint, with its ETag")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such touchpoint")
    public Response get(@PathParam("id") UUID id) {
        return withETag(touchpoints.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change a touchpoint",
            description = "JSON merge patch: fields left out stay as they are; null clears notes or an attendee list, "
                    + "and is refused for occurredOn, type and summary. Changing contact attendees or the date "
                    + "recomputes the executive flag.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UpdateTouchpointRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed touchpoint, with its new ETag")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such touchpoint")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        return withETag(touchpoints.update(id, ifMatch,
                MergePatch.read(body, UpdateTouchpointRequest.class, json, validator)
                        .map(UpdateTouchpointRequest::toChanges)));
    }

    @POST
    @Path("/{id}/next-steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Add a next step to a touchpoint", description = "It may not be due before the touchpoint's date.")
    @APIResponse(responseCode = "201", description = "Added; Location names the step")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such touchpoint")
    public Response addNextStep(@PathParam("id") UUID id, @Valid @NotNull NextStepRequest request, @Context UriInfo uri) {
        NextStep step = touchpoints.addNextStep(id, request.toCommand());
        return Response.created(uri.getBaseUriBuilder().path("api/touchpoints/next-steps/{id}").build(step.id))
                .tag(EntityTags.of(step.version))
                .entity(views.step(step, touchpoints.today())).build();
    }

    private Response withETag(Touchpoint touchpoint) {
        return Response.ok(views.touchpoint(touchpoint, touchpoints.today()))
                .tag(EntityTags.of(touchpoint.version)).build();
    }
}

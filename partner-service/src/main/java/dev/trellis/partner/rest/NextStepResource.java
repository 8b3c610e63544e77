package dev.trellis.partner.rest;

import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.rest.dto.NextStepRequest;
import dev.trellis.partner.rest.dto.NextStepResponse;
import dev.trellis.partner.rest.dto.UpdateNextStepRequest;
import dev.trellis.partner.service.Due;
import dev.trellis.partner.service.NextStepService;
import dev.trellis.partner.service.TouchpointService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.MergePatch;
import dev.trellis.platform.http.Page;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Next steps one by one, and the worklist. Staff only. */
@Path("/api/touchpoints/next-steps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints")
public class NextStepResource {
    private final NextStepService steps;
    private final JsonWebToken token;

    public NextStepResource(NextStepService steps, JsonWebToken token) {
        this.steps = steps;
        this.token = token;
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Worklist: a staff member's next steps, soonest due first",
            description = "Keyset-paged by (dueOn, id). overdue = not done and due before today (UTC); open = not done; all = done or not.")
    @APIResponse(responseCode = "200", description = "One page of next steps")
    @APIResponse(responseCode = "400", description = "A bad owner, due, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not staff")
    public Response worklist(
            @Parameter(description = "'me' (the caller) or a staff username", example = "me") @QueryParam("owner") String owner,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"overdue", "open", "all"}, defaultValue = "open"))
            @QueryParam("due") String due,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        LocalDate today = TouchpointService.today();
        return Page.of(steps.worklist(owner(owner), due(due), page), page, NextStepService::cursorOf,
                (NextStep s) -> NextStepResponse.of(s, today)).toResponse(uri);
    }

    @GET
    @Path("/{stepId}")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Read a next step")
    @APIResponse(responseCode = "200", description = "The next step, with its ETag")
    @APIResponse(responseCode = "404", description = "No such next step")
    public Response get(@PathParam("stepId") UUID stepId) {
        NextStep step = steps.get(stepId);
        return Response.ok(NextStepResponse.of(step, TouchpointService.today())).tag(EntityTags.of(step.version)).build();
    }

    @PATCH
    @Path("/{stepId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change a next step: tick it off, reassign it, move its due date",
            description = "Fields left out stay as they are. Done records when; reopening clears it.")
    @APIResponse(responseCode = "200", description = "The changed next step, with its new ETag")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such next step")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("stepId") UUID stepId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateNextStepRequest request) {
        NextStep step = steps.update(stepId, ifMatch, request);
        return Response.ok(NextStepResponse.of(step, TouchpointService.today())).tag(EntityTags.of(step.version)).build();
    }

    private String owner(String owner) {
        if (owner == null || owner.isBlank() || owner.trim().equalsIgnoreCase("me")) {
            return Caller.username(token);
        }
        if (!owner.trim().matches(NextStepRequest.USERNAME)) {
            throw ProblemException.badRequest("owner", "must be 'me' or a staff username");
        }
        return owner.trim();
    }

    private static Due due(String due) {
        if (due == null || due.isBlank()) {
            return Due.OPEN;
        }
        try {
            return Due.valueOf(due.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("due", "must be overdue, open or all");
        }
    }
}

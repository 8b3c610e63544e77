package dev.trellis.partner.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.rest.dto.NextStepRequest;
import dev.trellis.partner.rest.dto.NextStepResponse;
import dev.trellis.partner.rest.dto.UpdateNextStepRequest;
import dev.trellis.partner.service.Due;
import dev.trellis.partner.service.NextStepService;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.patch.MergePatch;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Next steps one by one, and the worklist. Staff only. */
@Path("/api/touchpoints/next-steps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints")
public class NextStepResource {
    private final NextStepService steps;
    private final TouchpointViews views;
    private final Callers callers;
    private final Clock clock;
    private final ObjectMapper json;
    private final Validator validator;

    private final CsvExports csv;

    public NextStepResource(NextStepService steps, TouchpointViews views, Callers callers, Clock clock,
            ObjectMapper json, Validator validator, CsvExports csv) {
        this.csv = csv;
        this.steps = steps;
        this.views = views;
        this.callers = callers;
        this.clock = clock;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Worklist: a staff member's next steps, soonest due first",
            description = "Keyset-paged by (dueOn, id). overdue = not done and due before today (in the foundation's "
                    + "zone); open = not done; all = done or not. " + CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page of next steps")
    @APIResponse(responseCode = "400", description = "A bad owner, due, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not staff")
    public Response worklist(
            @Parameter(description = "'me' (the caller) or a staff username", example = "me") @QueryParam("owner") String owner,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"overdue", "open", "all"}, defaultValue = "open"))
            @QueryParam("due") String due,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        LocalDate today = LocalDate.now(clock);
        var whose = owner(owner);
        var when = due(due);
        return csv.list(headers, uri, limit, cursor, NextStepResponse.CSV,
                page -> views.steps(steps.worklist(whose, when, page), today));
    }

    @GET
    @Path("/{stepId}")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Read a next step")
    @APIResponse(responseCode = "200", description = "The next step, with its ETag")
    @APIResponse(responseCode = "404", description = "No such next step")
    public Response get(@PathParam("stepId") UUID stepId) {
        return withETag(steps.get(stepId));
    }

    @PATCH
    @Path("/{stepId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change a next step: tick it off, reassign it, move its due date",
            description = "JSON merge patch: fields left out stay as they are; none can be cleared (null is refused). "
                    + "Done records when; reopening clears it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UpdateNextStepRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed next step, with its new ETag")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such next step")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("stepId") UUID stepId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode body) {
        return withETag(steps.update(stepId, ifMatch,
                MergePatch.read(body, UpdateNextStepRequest.class, json, validator).map(UpdateNextStepRequest::toChanges)));
    }

    private Response withETag(NextStep step) {
        return Response.ok(views.step(step, LocalDate.now(clock))).tag(EntityTags.of(step.version)).build();
    }

    private String owner(String owner) {
        if (owner == null || owner.isBlank() || owner.trim().equalsIgnoreCase("me")) {
            return callers.current().requireUsername();
        }
        if (!owner.trim().matches(NextStepRequest.USERNAME)) {
            throw InvalidInput.field("owner", "must be 'me' or a staff username");
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
            throw InvalidInput.field("due", "must be overdue, open or all");
        }
    }
}

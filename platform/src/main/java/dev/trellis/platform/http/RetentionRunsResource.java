package dev.trellis.platform.http;

import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.retention.RetentionConfig;
import dev.trellis.platform.retention.RetentionRunPage;
import dev.trellis.platform.retention.RetentionRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/privacy/<service>/retention-runs}: what the service's daily retention run removed, per data
 * category and run, for foundation staff (who answer for privacy, as for subject access). Each service answers only
 * its own name ({@code trellis.retention.service}); any other is 404, as is every name in a service without one.
 */
@Path("/api/privacy/{service}/retention-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class RetentionRunsResource {
    private final RetentionRuns runs;
    private final String service;

    public RetentionRunsResource(RetentionRuns runs, RetentionConfig config) {
        this.runs = runs;
        this.service = config.service().orElse(null);
    }

    @GET
    @RolesAllowed("foundation-staff")
    @Operation(summary = "List this service's retention runs (newest first, cursor-paged)",
            description = "One entry per data category and daily run: the age limit applied, the cut-off, and how "
                    + "many rows were deleted or anonymised (docs/privacy.md lists the categories). Counts only: "
                    + "no entry names what was removed.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionRunPage.class)))
    @APIResponse(responseCode = "400", description = "A filter or the cursor is invalid")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    @APIResponse(responseCode = "404", description = "This service keeps no retention log of that name")
    public Response list(@PathParam("service") String name,
            @Parameter(description = "Only this data category, e.g. guest-registrations") @QueryParam("category")
            @Size(max = 60) String category,
            @Parameter(description = "Runs from this instant (inclusive, ISO-8601)") @QueryParam("from") Instant from,
            @Parameter(description = "Runs before this instant (exclusive, ISO-8601)") @QueryParam("to") Instant to,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The next page's cursor") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        LogRoutes.check(service, name, "This service keeps no retention log of that name", from, to);
        PageRequest page = PageRequest.of(limit, cursor);
        return PageResponses.of(runs.list(new RetentionRuns.Filter(
                category == null || category.isBlank() ? null : category.trim(), from, to), page), uri);
    }
}

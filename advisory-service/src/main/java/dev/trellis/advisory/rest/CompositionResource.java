package dev.trellis.advisory.rest;

import dev.trellis.advisory.rest.dto.CompositionResponse;
import dev.trellis.advisory.service.CompositionService;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Boards' public composition, which partner users may read too: board names and the companies holding seats. */
@Path("/api/board-compositions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Board composition")
public class CompositionResource {
    private final CompositionService compositions;

    public CompositionResource(CompositionService compositions) {
        this.compositions = compositions;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "Every board's name and the companies holding seats today, by board name, cursor-paged")
    @APIResponse(responseCode = "200", description = "One page of compositions")
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return PageResponses.of(compositions.list(PageRequest.of(limit, cursor)).map(CompositionResponse::of), uri);
    }
}

package dev.trellis.advisory.rest;

import dev.trellis.advisory.rest.dto.CompositionResponse;
import dev.trellis.advisory.service.CompositionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One board's public composition (its own resource class: JAX-RS matches the longest class path first). */
@Path("/api/boards/{id}/composition")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Board composition")
public class BoardCompositionResource {
    private final CompositionService compositions;

    public BoardCompositionResource(CompositionService compositions) {
        this.compositions = compositions;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "One board's name and the companies holding seats today")
    @APIResponse(responseCode = "200", description = "The composition")
    @APIResponse(responseCode = "404", description = "No such board")
    public CompositionResponse get(@PathParam("id") UUID id) {
        return CompositionResponse.of(compositions.of(id));
    }
}

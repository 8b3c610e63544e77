package dev.trellis.advisory.rest;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.rest.dto.BoardRequest;
import dev.trellis.advisory.rest.dto.BoardResponse;
import dev.trellis.advisory.service.BoardService;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/boards")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {
    private final BoardService boards;

    private final CsvExports csv;

    public BoardResource(BoardService boards, CsvExports csv) {
        this.csv = csv;
        this.boards = boards;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The boards by name, cursor-paged", description = CsvExports.DESCRIPTION)
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return csv.list(headers, uri, limit, cursor, BoardResponse.CSV, page -> boards.list(page).map(BoardResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"foundation-staff", "community-team"})
    public Response get(@PathParam("id") UUID id) {
        Board board = boards.get(id);
        return Response.ok(BoardResponse.of(board)).tag(EntityTags.of(board.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    public Response create(@Valid @NotNull BoardRequest request, @Context UriInfo uri) {
        Board board = boards.create(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(board.id.toString()).build())
                .entity(BoardResponse.of(board)).tag(EntityTags.of(board.version)).build();
    }
}

package dev.trellis.advisory.rest;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.rest.dto.BoardRequest;
import dev.trellis.advisory.rest.dto.BoardResponse;
import dev.trellis.advisory.service.BoardService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
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
import java.util.UUID;

@Path("/api/boards")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {
    private final BoardService boards;

    public BoardResource(BoardService boards) {
        this.boards = boards;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team"})
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return PageResponses.of(boards.list(PageRequest.of(limit, cursor)).map(BoardResponse::of), uri);
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

package dev.trellis.platform.testing;

import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.Page;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** Endpoints that exercise the platform's HTTP conventions, for ConventionsTest only. */
@Path("/conventions")
@PermitAll
public class ConventionsTestResource {
    static final List<String> NAMES = IntStream.range(0, 7).mapToObj(i -> "name-" + i).toList();
    static long version = 3;

    public record Widget(@NotBlank String name, @NotNull @Min(1) Integer size, LocalDate since, @Valid List<Part> parts) {
    }

    public record Part(@NotBlank String label) {
    }

    @POST
    @Path("/widgets")
    public Widget create(@Valid @NotNull Widget widget) {
        return widget;
    }

    @GET
    @Path("/widgets/current")
    public Response read() {
        return Response.ok(new Widget("w", 1, null, List.of())).tag(EntityTags.of(version)).build();
    }

    @PUT
    @Path("/widgets/current")
    public Response update(@HeaderParam("If-Match") String ifMatch, Widget widget) {
        EntityTags.requireMatch(ifMatch, version);
        version++;
        return Response.ok(widget).tag(EntityTags.of(version)).build();
    }

    @GET
    @Path("/names")
    public Response names(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        Cursor after = page.decodedCursor(1);
        List<String> fetched = NAMES.stream()
                .filter(n -> after == null || n.compareTo(after.key(0)) > 0)
                .limit(page.fetchSize())
                .toList();
        return Page.of(fetched, page, n -> Cursor.of(n), n -> n).toResponse(uri);
    }

    public enum Colour { RED, GREEN }

    @GET
    @Path("/filters")
    public String filters(@QueryParam("colour") Colour colour, @QueryParam("from") java.time.Instant from) {
        return colour + " " + from;
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("SELECT secret FROM partner WHERE password = 'hunter2'");
    }

    @GET
    @Path("/rule/{n}")
    public String rule(@PathParam("n") int n) {
        throw ProblemException.conflict("seat-cap", "Company group cap reached", "Group already holds " + n + " seats");
    }

    @GET
    @Path("/staff-only")
    @RolesAllowed("foundation-staff")
    public String staffOnly() {
        return "secret";
    }
}

package dev.trellis.platform.testing;

import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.BrokenRule;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    @POST
    @Path("/widgets/created")
    public Response created(@Context UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().path("w-1").build()).build();
    }

    @GET
    @Path("/widgets/current")
    public Response read() {
        return Response.ok(new Widget("w", 1, null, List.of())).tag(EntityTags.of(version)).build();
    }

    @PUT
    @Path("/widgets/current")
    public Response update(@HeaderParam("If-Match") String ifMatch, Widget widget) {
        Versions.requireMatch(ifMatch, version);
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
        return PageResponses.of(Page.of(fetched, page, n -> Cursor.of(n), n -> n), uri);
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
    @Path("/refusals/{kind}")
    public String refusal(@PathParam("kind") String kind) {
        switch (kind) {
            case "missing" -> throw NotFound.of("Widget", "w-9");
            case "bad" -> throw InvalidInput.field("since", "must not be in the future");
            case "broken" -> throw new RuleViolation("company-cap", "Seat policy violated", List.of(
                    new BrokenRule("company-cap", "Acme's group already holds 1 of 1 seats"),
                    new BrokenRule("tier-entitlement", "SILVER members hold no seat on this board")));
            case "denied" -> throw new AccessDenied("no-partner", "No partner organisation", "Not linked");
            default -> throw StateConflict.of("already-cancelled", "Already cancelled", "The event was cancelled");
        }
    }

    @GET
    @Path("/rule/{n}")
    public String rule(@PathParam("n") int n) {
        throw StateConflict.of("seat-cap", "Company group cap reached", "Group already holds " + n + " seats");
    }

    @GET
    @Path("/staff-only")
    @RolesAllowed("foundation-staff")
    public String staffOnly() {
        return "secret";
    }

    /** An upload path (trellis.http.uploads.paths in the test config): a larger body limit than the others. */
    @POST
    @Path("/uploads")
    @Consumes(MediaType.WILDCARD)
    public String upload(InputStream body) throws IOException {
        return Long.toString(body.transferTo(OutputStream.nullOutputStream()));
    }
}

package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * partner-service's three CSV import routes for {@link ImportPagesTest}: each keeps what it was sent (route → media
 * type, dryRun and the file's length and text) and answers a report. A file whose first line is {@code name} has no
 * key column: a 400 problem, as the service answers it.
 */
@Path("/api")
@PermitAll
public class FakeImportsApi {
    static final Map<String, Received> RECEIVED = new ConcurrentHashMap<>();

    record Received(String contentType, String dryRun, String body) {
    }

    /** Line 4 refused, line 2 created, line 3 unchanged: the page lists the refused one first. */
    static final String REPORT = "line,key,outcome,reason\r\n"
            + "2,ada@northwind.example,created,contact; affiliation DEVELOPER at northwind.example\r\n"
            + "3,grace@northwind.example,unchanged,\r\n"
            + "4,not-an-email,refused,\"email: must be an email address, like ada@example.org\"\r\n";

    /** {@code contacts}, {@code partners} or {@code partners/memberships}, each kept under its last segment. */
    @POST
    @Path("/{route: contacts|partners|partners/memberships}/imports")
    @Consumes("*/*")
    public Response importFile(@PathParam("route") String route, @HeaderParam("Content-Type") String type,
            @QueryParam("dryRun") String dryRun, String body) {
        return answer(route.substring(route.lastIndexOf('/') + 1), type, dryRun, body);
    }

    private static Response answer(String route, String type, String dryRun, String body) {
        RECEIVED.put(route, new Received(type, dryRun, body));
        if (body.startsWith("name")) {
            return Response.status(400).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/"
                    + "problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"the header "
                    + "row has no column email\",\"errors\":[{\"field\":\"header\",\"message\":\"the header row has no "
                    + "column email\"}]}").build();
        }
        return Response.ok(REPORT, "text/csv; charset=UTF-8").build();
    }
}

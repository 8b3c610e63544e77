package dev.trellis.console.rest;

import dev.trellis.console.service.CsvViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * "Download as CSV" on the console's lists: {@code /csv/<route>?<filters>} answers what the API's {@code /api/<route>}
 * answers to {@code Accept: text/csv} with the user's token (status, CSV, file name), never cached. A refusal of the
 * API is the usual error page. The lists and their filters: {@link CsvViews#LISTS}.
 */
@Path("/csv")
public class CsvDownloads {

    private final CsvViews csv;

    CsvDownloads(CsvViews csv) {
        this.csv = csv;
    }

    @GET
    @Path("{route: .+}")
    @Produces("text/csv")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF, Viewer.PARTNER})
    public Response download(@PathParam("route") String route, @Context UriInfo uri) {
        return download(csv, route, uri.getQueryParameters());
    }

    /** The API's CSV of one list, as a response of the console. */
    static Response download(CsvViews csv, String route, Map<String, java.util.List<String>> filters) {
        CsvViews.Download d;
        try {
            d = csv.download(route, filters);
        } catch (CsvViews.NotOffered notOffered) {
            if (notOffered.forbidden()) {
                throw new ForbiddenException("not this role's list");
            }
            throw new NotFoundException();
        }
        return Response.status(d.status()).entity(d.body()).type(d.contentType())
                .header("Content-Disposition", d.disposition()).header("Cache-Control", "no-store").build();
    }
}

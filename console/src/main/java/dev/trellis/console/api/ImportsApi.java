package dev.trellis.console.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.io.File;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * partner-service's CSV imports (docs/import.md): the file as sent, streamed from the console's upload, and the
 * per-line report (line, key, outcome, reason) as CSV. A client of its own ({@code imports}) for its longer read
 * timeout: a file of 100,000 lines takes a minute or more.
 */
@RegisterRestClient(configKey = "imports")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api")
@Consumes("text/csv")
@Produces("text/csv")
public interface ImportsApi {

    /** {@code /api/contacts/imports} or {@code /api/partners/imports}. */
    @POST
    @Path("/{list}/imports")
    String importFile(@PathParam("list") String list, @RestQuery boolean dryRun, File file);

    /** {@code /api/partners/memberships/imports}. */
    @POST
    @Path("/{parent}/{list}/imports")
    String importFile(@PathParam("parent") String parent, @PathParam("list") String list, @RestQuery boolean dryRun,
            File file);
}

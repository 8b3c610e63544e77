package dev.trellis.console.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Each service's part of a subject-access export, through the gateway (docs/privacy.md). Answered as the JSON the
 * service sent, so the assembled document holds every field the services give, not only what the page shows.
 */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api/privacy")
@Produces(MediaType.APPLICATION_JSON)
public interface PrivacyApi {

    @GET
    @Path("/partner/subjects")
    String partner(@QueryParam("contactId") UUID contactId, @QueryParam("email") String email);

    @GET
    @Path("/advisory/subjects")
    String advisory(@QueryParam("contactId") UUID contactId, @QueryParam("email") String email);

    @GET
    @Path("/event/subjects")
    String event(@QueryParam("contactId") UUID contactId, @QueryParam("email") String email);
}

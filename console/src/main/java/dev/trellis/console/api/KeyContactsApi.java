package dev.trellis.console.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The key contacts of a partner's membership (partner-service's {@code KeyContactResource}): one contact per role
 * (PRIMARY, VOTING, BILLING, MARKETING, TECHNICAL). Staff, the team and the partner itself read them; only foundation
 * staff name (PUT) and clear (DELETE) them. The contact must be affiliated with the partner today
 * (400 at {@code contactId} otherwise); a partner without a membership has none (404).
 */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api/partners/{id}/membership/key-contacts")
public interface KeyContactsApi {

    record Assignment(UUID contactId) {
    }

    @GET
    Page<PartnersApi.KeyContact> list(@PathParam("id") UUID partnerId);

    @PUT
    @Path("/{role}")
    @Consumes("application/json")
    PartnersApi.KeyContact assign(@PathParam("id") UUID partnerId, @PathParam("role") String role, Assignment assignment);

    @DELETE
    @Path("/{role}")
    void remove(@PathParam("id") UUID partnerId, @PathParam("role") String role);
}

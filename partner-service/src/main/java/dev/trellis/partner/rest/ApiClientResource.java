package dev.trellis.partner.rest;

import dev.trellis.partner.domain.ApiClientCreated;
import dev.trellis.partner.rest.dto.ApiClientCreatedResponse;
import dev.trellis.partner.rest.dto.ApiClientResponse;
import dev.trellis.partner.rest.dto.CreateApiClientRequest;
import dev.trellis.partner.service.ApiClientService;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's machine clients: Keycloak clients for the client-credentials grant whose tokens act as the partner.
 * Community team creates and revokes them (as it invites portal users), foundation staff may list them, partners get 403.
 */
@Path("/api/partners/{partnerId}/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machine clients")
public class ApiClientResource {
    private final ApiClientService clients;
    private final Callers callers;

    public ApiClientResource(ApiClientService clients, Callers callers) {
        this.clients = clients;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Create a machine client for one of the partner's systems",
            description = "Registers a confidential Keycloak client that may only use the client-credentials grant; its "
                    + "tokens carry the realm role partner, partner_id = this partner and the audience trellis-api, "
                    + "and nothing more. The secret is in this response only (Cache-Control: no-store).")
    @APIResponse(responseCode = "201", description = "Created; Location names the client")
    @APIResponse(responseCode = "400", description = "A field is invalid (named in errors[].field)")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "502", description = "Keycloak refused the request")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached")
    public Response create(@PathParam("partnerId") UUID partnerId, @Valid @NotNull CreateApiClientRequest request,
            @Context UriInfo uri) {
        ApiClientCreated created = clients.create(partnerId, request.toCommand(), callers.current());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getAbsolutePathBuilder().path("{clientId}").build(created.client().clientId))
                .cacheControl(noStore)
                .entity(ApiClientCreatedResponse.of(created)).build();
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "List a partner's machine clients", description = "Without secrets. Paged by (createdAt, clientId).")
    @APIResponse(responseCode = "200", description = "One page of machine clients, with a next cursor when there are more")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such partner")
    public Response list(@PathParam("partnerId") UUID partnerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return PageResponses.of(clients.list(partnerId, page).map(ApiClientResponse::of), uri);
    }

    @DELETE
    @Path("{clientId}")
    @RolesAllowed("community-team")
    @Operation(summary = "Revoke a partner's machine client",
            description = "Deletes the Keycloak client: it gets no new tokens; a token it already holds works until it "
                    + "expires (at most the realm's access token lifespan, 5 minutes).")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such partner, or the client is not one of its machine clients")
    @APIResponse(responseCode = "502", description = "Keycloak refused the request")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached")
    public void revoke(@PathParam("partnerId") UUID partnerId, @PathParam("clientId") String clientId) {
        clients.revoke(partnerId, clientId, callers.current());
    }
}

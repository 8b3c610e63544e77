package dev.trellis.partner.rest;

import dev.trellis.partner.domain.PortalUser;
import dev.trellis.partner.rest.dto.InvitePortalUserRequest;
import dev.trellis.partner.rest.dto.PortalUserResponse;
import dev.trellis.partner.service.PortalUserService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's portal users: Keycloak accounts with realm role {@code partner} and {@code partner_id} = the partner.
 * Community team invites and removes them, foundation staff may list them, partners get 403.
 */
@Path("/api/partners/{partnerId}/portal-users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Portal users")
public class PortalUserResource {
    private final PortalUserService portalUsers;
    private final Callers callers;

    public PortalUserResource(PortalUserService portalUsers, Callers callers) {
        this.portalUsers = portalUsers;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Invite a partner employee to the partner portal",
            description = "Creates a Keycloak user (username = email, lower-case) with realm role partner and partner_id = "
                    + "this partner, email verified and without a password, and has Keycloak mail the user its own "
                    + "'set your password' link (valid for trellis.portal.invitation-lifespan, 3 days). Nobody else "
                    + "sees a password. Publishes dev.trellis.partner.portal-user-invited.v1 (ids only).")
    @APIResponse(responseCode = "201", description = "Invited; Location names the new portal user")
    @APIResponse(responseCode = "400", description = "A field is invalid (named in errors[].field)")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "409", description = "A user with this email already exists")
    @APIResponse(responseCode = "502", description = "Keycloak refused the request or could not send the mail; no user is left behind")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached")
    public Response invite(@PathParam("partnerId") UUID partnerId, @Valid @NotNull InvitePortalUserRequest request,
            @Context UriInfo uri) {
        PortalUser user = portalUsers.invite(partnerId, request.toCommand(), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path("{userId}").build(user.id()))
                .entity(PortalUserResponse.of(user)).build();
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "List a partner's portal users", description = "Paged by (username, id).")
    @APIResponse(responseCode = "200", description = "One page of portal users, with a next cursor when there are more")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "502", description = "Keycloak refused the request")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached")
    public Response list(@PathParam("partnerId") UUID partnerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return PageResponses.of(portalUsers.list(partnerId, page).map(PortalUserResponse::of), uri);
    }

    @GET
    @Path("{userId}")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Read one of a partner's portal users")
    @APIResponse(responseCode = "200", description = "The portal user")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such partner, or the user is not one of its portal users")
    @APIResponse(responseCode = "502", description = "Keycloak refused the request")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached")
    public PortalUserResponse get(@PathParam("partnerId") UUID partnerId, @PathParam("userId") UUID userId) {
        return PortalUserResponse.of(portalUsers.get(partnerId, userId.toString()));
    }

    @DELETE
    @Path("{userId}")
    @RolesAllowed("community-team")
    @Operation(summary = "Remove a partner's portal user", description = "Deletes the Keycloak user. Publishes dev.trellis.partner.portal-user-removed.v1.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such partner, or the user is not one of its portal users")
    @APIResponse(responseCode = "502", description = "Keycloak refused the request")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached")
    public void remove(@PathParam("partnerId") UUID partnerId, @PathParam("userId") UUID userId) {
        portalUsers.remove(partnerId, userId.toString(), callers.current());
    }
}

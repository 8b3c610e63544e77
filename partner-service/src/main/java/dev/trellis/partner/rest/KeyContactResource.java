package dev.trellis.partner.rest;

import dev.trellis.partner.domain.KeyContactRole;
import dev.trellis.partner.rest.dto.KeyContactRequest;
import dev.trellis.partner.rest.dto.KeyContactResponse;
import dev.trellis.partner.service.KeyContactService;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Key contacts of a partner's membership. Foundation staff manage them; the partner reads its own. */
@Path("/api/partners/{id}/membership/key-contacts")
@Produces(MediaType.APPLICATION_JSON)
public class KeyContactResource {
    private final KeyContactService keyContacts;
    private final Callers callers;

    public KeyContactResource(KeyContactService keyContacts, Callers callers) {
        this.keyContacts = keyContacts;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team", "partner"})
    @Operation(summary = "The membership's key contacts",
            description = "A list like every other: {items, next}; one per role, by role, so there is never a next page.")
    public Response list(@PathParam("id") UUID partnerId, @Context UriInfo uri) {
        PartnerResource.requireStaffOrOwn(callers.current(), partnerId);
        List<KeyContactResponse> items = keyContacts.list(partnerId).stream().map(KeyContactResponse::of).toList();
        return PageResponses.of(new Page<>(items, null), uri);
    }

    @PUT
    @Path("/{role}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Name the contact for a key-contact role (PRIMARY, VOTING, BILLING, MARKETING, TECHNICAL)")
    public KeyContactResponse assign(@PathParam("id") UUID partnerId, @PathParam("role") String role,
            @Valid @NotNull KeyContactRequest request) {
        return KeyContactResponse.of(keyContacts.assign(partnerId, role(role), request.contactId()));
    }

    @DELETE
    @Path("/{role}")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Clear a key-contact role")
    public Response remove(@PathParam("id") UUID partnerId, @PathParam("role") String role) {
        keyContacts.remove(partnerId, role(role));
        return Response.noContent().build();
    }

    private static KeyContactRole role(String value) {
        try {
            return KeyContactRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("role", "must be one of " + Arrays.toString(KeyContactRole.values()));
        }
    }
}

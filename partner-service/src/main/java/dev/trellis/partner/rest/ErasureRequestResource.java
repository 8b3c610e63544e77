package dev.trellis.partner.rest;

import dev.trellis.partner.domain.ErasureRequest;
import dev.trellis.partner.rest.dto.ErasureStatusResponse;
import dev.trellis.partner.rest.dto.GuestErasureRequest;
import dev.trellis.partner.service.ErasureService;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Erasure requests: of an address that belongs to no contact (a guest's registrations and sign-ups in
 * event-service), and the progress of any request, a contact's included. Foundation staff only.
 */
@Path("/api/erasure-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure requests", description = "Erasing a person across every service, and its progress")
public class ErasureRequestResource {
    private final ErasureService erasures;
    private final Callers callers;

    public ErasureRequestResource(ErasureService erasures, Callers callers) {
        this.erasures = erasures;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Erase a guest's email address",
            description = "For an address that belongs to no contact: event-service anonymises every registration and "
                    + "sign-up under it and deletes their mails, then confirms. Only the address's SHA-256 digest leaves "
                    + "partner-service (dev.trellis.partner.guest-erasure-requested.v1), and nothing about it is kept "
                    + "here. An address of a contact is refused: erase the contact.")
    @APIResponse(responseCode = "201", description = "Requested; Location names the request, whose status follows the services")
    @APIResponse(responseCode = "400", description = "Not an email address (named in errors[].field)")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    @APIResponse(responseCode = "409", description = "The address belongs to a contact (problem type address-of-a-contact)")
    public Response request(@Valid @NotNull GuestErasureRequest body, @Context UriInfo uri) {
        ErasureRequest request = erasures.eraseGuest(body.email(), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(request.id))
                .entity(ErasureStatusResponse.of(request)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "An erasure request and its progress",
            description = "Each service that holds data about people, PENDING until it confirmed its part, then DONE; "
                    + "the request is DONE once all are.")
    @APIResponse(responseCode = "200", description = "The request with each service's part")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    @APIResponse(responseCode = "404", description = "No such request")
    public ErasureStatusResponse get(@PathParam("id") UUID id) {
        return ErasureStatusResponse.of(erasures.get(id));
    }
}

package dev.trellis.event.rest;

import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.rest.dto.RegistrationRequest;
import dev.trellis.event.rest.dto.RegistrationResponse;
import dev.trellis.event.service.RegistrationService;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.ProblemException;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registrations of one event. The community team sees and manages all; a partner user its own company's. */
@Path("/api/events/{eventId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations")
public class RegistrationResource {
    public static final String CANCEL_TOKEN = "X-Cancel-Token";
    private final RegistrationService registrations;
    private final Callers callers;

    private final CsvExports csv;

    public RegistrationResource(RegistrationService registrations, Callers callers, CsvExports csv) {
        this.csv = csv;
        this.registrations = registrations;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"community-team", "partner"})
    @Operation(summary = "Register a contact or a guest",
            description = "Takes a seat while there is one, else goes on the waitlist. The company (partner id and name) "
                    + "is a snapshot from the local partner read model. A partner user registers its own contacts only, "
                    + "each once per event and under the contact's address on record in partner-service; its "
                    + "registrations are PORTAL whatever source it names.")
    @APIResponse(responseCode = "201", description = "REGISTERED or WAITLISTED; the body carries the cancel token once")
    @APIResponse(responseCode = "400", description = "A field is invalid, or the contact is unknown")
    @APIResponse(responseCode = "403", description = "A partner user registering someone else's contact or a guest")
    @APIResponse(responseCode = "404", description = "No such event (or a draft)")
    @APIResponse(responseCode = "409", description = "This contact or email is registered for the event already")
    @APIResponse(responseCode = "422", description = "Outside the registration window, the event is not published, "
            + "or (partner users) the email is not the contact's address on record or not known here yet")
    public Response register(@PathParam("eventId") UUID eventId, @Valid @NotNull RegistrationRequest request,
            @Context UriInfo uri) {
        RegistrationService.Created created = registrations.register(eventId, request.toCommand(), callers.current());
        Registration r = created.registration();
        return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .entity(RegistrationResponse.of(r, created.cancelToken())).tag(EntityTags.of(r.version)).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"community-team", "foundation-staff", "partner"})
    @Operation(summary = "List an event's registrations in order of arrival (cursor-paged)",
            description = "Staff see all; a partner user only those of its own company. " + CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page")
    public Response list(@PathParam("eventId") UUID eventId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Only registrations in this status", example = "WAITLISTED") @QueryParam("status") RegistrationStatus status,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Caller caller = callers.current();
        return csv.list(headers, uri, limit, cursor, RegistrationResponse.CSV,
                page -> registrations.list(eventId, status, page, caller).map(RegistrationResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"community-team", "foundation-staff", "partner"})
    @Operation(summary = "Read a registration")
    @APIResponse(responseCode = "200", description = "The registration")
    @APIResponse(responseCode = "404", description = "No such registration, or another company's")
    public Response get(@PathParam("eventId") UUID eventId, @PathParam("id") UUID id) {
        Registration r = registrations.get(eventId, id, callers.current());
        return Response.ok(RegistrationResponse.of(r)).tag(EntityTags.of(r.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Cancel a registration",
            description = "By the community team, by the registrant's own partner user, or by anyone sending the "
                    + "registration's cancel token in X-Cancel-Token (self-service for guests). The freed seat goes to "
                    + "the first on the waitlist.")
    @APIResponse(responseCode = "200", description = "The cancelled registration")
    @APIResponse(responseCode = "401", description = "No token and no cancel token")
    @APIResponse(responseCode = "403", description = "Foundation staff without a cancel token")
    @APIResponse(responseCode = "404", description = "No such registration, or not one the caller may cancel")
    @APIResponse(responseCode = "409", description = "Already cancelled, attended or a no-show")
    public Response cancel(@PathParam("eventId") UUID eventId, @PathParam("id") UUID id,
            @Parameter(description = "The cancel token from the registration's answer") @HeaderParam(CANCEL_TOKEN) String token) {
        Caller caller = callers.current();
        try {
            return Response.ok(RegistrationResponse.of(registrations.cancel(eventId, id, caller, token))).build();
        } catch (AccessDenied e) {
            if (caller.isAnonymous()) {
                // Refused for want of credentials: in HTTP that is 401, so a client knows that signing in may help.
                throw new ProblemException(401, "unauthorized", "Unauthorized", e.detail());
            }
            throw e;
        }
    }
}

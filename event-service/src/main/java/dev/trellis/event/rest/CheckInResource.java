package dev.trellis.event.rest;

import dev.trellis.event.domain.Registration;
import dev.trellis.event.rest.dto.BulkCheckInResponse;
import dev.trellis.event.rest.dto.CheckInRequest;
import dev.trellis.event.rest.dto.RegistrationResponse;
import dev.trellis.event.service.CheckInService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Check-in at the door, by the community team. */
@Path("/api/events/{eventId}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in")
public class CheckInResource {
    private final CheckInService checkIns;

    public CheckInResource(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Check in one registration", description = "Records attendance-recorded (attended).")
    @APIResponse(responseCode = "200", description = "The registration, now ATTENDED")
    @APIResponse(responseCode = "404", description = "No such event or registration")
    @APIResponse(responseCode = "409", description = "Checked in already, not a registration holding a seat, or the event is not published")
    @APIResponse(responseCode = "422", description = "Check-in has not opened yet (it opens trellis.event.check-in-opens-before the start, 24 hours by default)")
    public Response checkIn(@PathParam("eventId") UUID eventId, @Valid @NotNull CheckInRequest request) {
        Registration r = checkIns.checkIn(eventId, request.registrationId());
        return Response.ok(RegistrationResponse.of(r)).build();
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed("community-team")
    @Operation(summary = "Check in many at once from a CSV of emails",
            description = "One email per line in the first column; a header line 'email' is skipped. The report has one "
                    + "entry per line: CHECKED_IN, ALREADY, UNKNOWN, WAITLISTED (not checked in), INVALID, or NOT_OPEN (holds a "
                    + "seat, but check-in has not opened yet: not checked in).")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "emails",
            value = "email\nada.okafor@acme-cloud.example\nben@borealis-systems.example\n")))
    @APIResponse(responseCode = "200", description = "The per-line report")
    @APIResponse(responseCode = "409", description = "The event is not published")
    public BulkCheckInResponse checkInAll(@PathParam("eventId") UUID eventId, String csv) {
        return BulkCheckInResponse.of(checkIns.checkInAll(eventId, csv));
    }

    @DELETE
    @Path("/{registrationId}")
    @RolesAllowed("community-team")
    @Operation(summary = "Undo a check-in", description = "Records attendance-recorded (not attended).")
    @APIResponse(responseCode = "200", description = "The registration, REGISTERED again")
    @APIResponse(responseCode = "404", description = "No such event or registration")
    @APIResponse(responseCode = "409", description = "It was not checked in, or the event is not published")
    public Response undo(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId) {
        return Response.ok(RegistrationResponse.of(checkIns.undo(eventId, registrationId))).build();
    }
}

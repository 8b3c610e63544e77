package dev.trellis.event.rest;

import dev.trellis.event.rest.dto.EventSubjectResponse;
import dev.trellis.event.service.SubjectAccessService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/privacy/event/subjects}: event-service's part of a subject-access export, for foundation staff
 * (docs/privacy.md). The console asks every service for its part and assembles the document.
 */
@Path("/api/privacy/event/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "What Trellis holds about a person (subject-access export)")
public class PrivacyResource {
    private final SubjectAccessService subjects;

    public PrivacyResource(SubjectAccessService subjects) {
        this.subjects = subjects;
    }

    @GET
    @RolesAllowed("foundation-staff")
    @Operation(operationId = "eventSubjectAccess", summary = "What event-service holds about a person",
            description = "By contact id and/or e-mail address (case-insensitive; an address finds a guest's "
                    + "registrations too): registrations with check-ins, public sign-ups, the mails sent to the person "
                    + "(recipient, template, subject, when sent; no bodies) and the audit entries about the "
                    + "registrations. A person event-service does not know is an empty answer (found false), not a 404.")
    @APIResponse(responseCode = "200", description = "event-service's part of the export")
    @APIResponse(responseCode = "400", description = "Neither contactId nor email, or a malformed one")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    public EventSubjectResponse subject(@Parameter(description = "The contact") @QueryParam("contactId") UUID contactId,
            @Parameter(description = "The person's e-mail address") @QueryParam("email") @Size(max = 254) String email) {
        return EventSubjectResponse.of(subjects.find(contactId, email));
    }
}

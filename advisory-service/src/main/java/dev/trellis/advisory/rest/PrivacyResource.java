package dev.trellis.advisory.rest;

import dev.trellis.advisory.rest.dto.AdvisorySubjectResponse;
import dev.trellis.advisory.service.SubjectAccessService;
import jakarta.annotation.security.RolesAllowed;
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
 * {@code GET /api/privacy/advisory/subjects}: advisory-service's part of a subject-access export, for foundation
 * staff (docs/privacy.md). The console asks every service for its part and assembles the document.
 */
@Path("/api/privacy/advisory/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "What Trellis holds about a person (subject-access export)")
public class PrivacyResource {
    private final SubjectAccessService subjects;

    public PrivacyResource(SubjectAccessService subjects) {
        this.subjects = subjects;
    }

    @GET
    @RolesAllowed("foundation-staff")
    @Operation(operationId = "advisorySubjectAccess", summary = "What advisory-service holds about a person",
            description = "By contact id: the seats the person holds or held (as holder or alternate), the attendance "
                    + "recorded for them and the audit entries about both. advisory-service knows no e-mail addresses; "
                    + "a person it does not know is an empty answer (found false), not a 404.")
    @APIResponse(responseCode = "200", description = "advisory-service's part of the export")
    @APIResponse(responseCode = "400", description = "Neither contactId nor email, or a malformed one")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    public AdvisorySubjectResponse subject(@Parameter(description = "The contact") @QueryParam("contactId") UUID contactId,
            @Parameter(description = "Accepted for the same call as the other services; advisory-service holds no "
                    + "e-mail addresses, so an address alone finds nothing") @QueryParam("email") @jakarta.validation.constraints.Size(max = 254) String email) {
        return AdvisorySubjectResponse.of(contactId, subjects.find(contactId, email));
    }
}

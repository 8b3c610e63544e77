package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.PartnerSubjectResponse;
import dev.trellis.partner.service.ContactService;
import dev.trellis.partner.service.SubjectAccessService;
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
 * {@code GET /api/privacy/partner/subjects}: partner-service's part of a subject-access export, for foundation
 * staff (docs/privacy.md). The console asks every service for its part and assembles the document.
 */
@Path("/api/privacy/partner/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "What Trellis holds about a person (subject-access export)")
public class PrivacyResource {
    private final SubjectAccessService subjects;
    private final ContactService contacts;

    public PrivacyResource(SubjectAccessService subjects, ContactService contacts) {
        this.subjects = subjects;
        this.contacts = contacts;
    }

    @GET
    @RolesAllowed("foundation-staff")
    @Operation(operationId = "partnerSubjectAccess", summary = "What partner-service holds about a person",
            description = "By contact id or, without one, by e-mail address (case-insensitive): the contact with its "
                    + "affiliations and consent history, its key-contact roles, the touchpoints it attended (notes "
                    + "unless marked not disclosable) and the audit entries about its records. A person partner-service "
                    + "does not know is an empty answer (found false), not a 404.")
    @APIResponse(responseCode = "200", description = "partner-service's part of the export")
    @APIResponse(responseCode = "400", description = "Neither contactId nor email, or a malformed one")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    public PartnerSubjectResponse subject(
            @Parameter(description = "The contact") @QueryParam("contactId") UUID contactId,
            @Parameter(description = "The person's e-mail address, used when no contactId is given")
            @QueryParam("email") @Size(max = 254) String email) {
        return PartnerSubjectResponse.of(subjects.find(contactId, email), contacts.today());
    }
}

package dev.trellis.partner.rest;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.rest.dto.AffiliationEndRequest;
import dev.trellis.partner.rest.dto.AffiliationRequest;
import dev.trellis.partner.rest.dto.AffiliationResponse;
import dev.trellis.partner.service.AffiliationService;
import dev.trellis.partner.service.PartnerService;
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

/** A contact's affiliations. Changes made here are manual, so they win over imported ones. */
@Path("/api/contacts/{contactId}/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class AffiliationResource {
    private final AffiliationService affiliations;
    private final PartnerService partners;

    public AffiliationResource(AffiliationService affiliations, PartnerService partners) {
        this.affiliations = affiliations;
        this.partners = partners;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Start an affiliation", description = "Publishes affiliation-started.v1, keyed by the partner.")
    @APIResponse(responseCode = "201", description = "Started; Location names the affiliation")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed, or the partner does not exist")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "The contact already has this role at this partner then, or was erased")
    public Response start(@PathParam("contactId") UUID contactId, @Valid @NotNull AffiliationRequest body,
            @Context UriInfo uri) {
        Affiliation started = affiliations.start(contactId, body.partnerId(), body.role(), body.startDate(),
                AffiliationSource.MANUAL);
        return Response.created(uri.getAbsolutePathBuilder().path(started.id.toString()).build())
                .entity(view(started)).build();
    }

    @GET
    @Path("/{affiliationId}")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Read an affiliation")
    @APIResponse(responseCode = "200", description = "The affiliation")
    @APIResponse(responseCode = "404", description = "No such affiliation of this contact")
    public AffiliationResponse get(@PathParam("contactId") UUID contactId,
            @PathParam("affiliationId") UUID affiliationId) {
        return view(affiliations.get(contactId, affiliationId));
    }

    @POST
    @Path("/{affiliationId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "End an affiliation", description = "Kept as history; publishes affiliation-ended.v1, keyed by the partner.")
    @APIResponse(responseCode = "200", description = "The ended affiliation")
    @APIResponse(responseCode = "400", description = "endDate missing or before the start date")
    @APIResponse(responseCode = "404", description = "No such affiliation of this contact")
    @APIResponse(responseCode = "409", description = "The affiliation has already ended")
    public AffiliationResponse end(@PathParam("contactId") UUID contactId,
            @PathParam("affiliationId") UUID affiliationId, @Valid @NotNull AffiliationEndRequest body) {
        return view(affiliations.end(contactId, affiliationId, body.endDate(), AffiliationSource.MANUAL));
    }

    private AffiliationResponse view(Affiliation affiliation) {
        return AffiliationResponse.of(affiliation, partners.names(java.util.Set.of(affiliation.partnerId)));
    }
}

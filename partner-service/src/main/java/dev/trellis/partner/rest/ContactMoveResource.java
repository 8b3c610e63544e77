package dev.trellis.partner.rest;

import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.rest.dto.MoveRequest;
import dev.trellis.partner.rest.dto.MoveResponse;
import dev.trellis.partner.service.AffiliationService;
import dev.trellis.partner.service.PartnerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A contact changing employer. */
@Path("/api/contacts/{contactId}/moves")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class ContactMoveResource {
    private final AffiliationService affiliations;
    private final PartnerService partners;

    public ContactMoveResource(AffiliationService affiliations, PartnerService partners) {
        this.affiliations = affiliations;
        this.partners = partners;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Move a contact to another employer",
            description = "Ends every open affiliation the day before `date` (kept as history) and starts the new one, "
                    + "in one transaction: one affiliation-ended.v1 per ended affiliation and one affiliation-started.v1.")
    @APIResponse(responseCode = "201", description = "The ended affiliations and the started one; Location names the started one")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed, the partner does not exist, "
            + "or an open affiliation starts on or after the move date")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "The contact was erased")
    public Response move(@PathParam("contactId") UUID contactId, @Valid @NotNull MoveRequest body,
            @Context UriInfo uri) {
        AffiliationService.Move move = affiliations.move(contactId, body.partnerId(), body.role(), body.date(),
                AffiliationSource.MANUAL);
        Set<UUID> partnerIds = new HashSet<>();
        move.ended().forEach(a -> partnerIds.add(a.partnerId));
        partnerIds.add(move.started().partnerId);
        URI started = uri.getBaseUriBuilder().path("api/contacts/{contactId}/affiliations/{id}")
                .build(contactId, move.started().id);
        return Response.created(started).entity(MoveResponse.of(move, partners.names(partnerIds))).build();
    }
}

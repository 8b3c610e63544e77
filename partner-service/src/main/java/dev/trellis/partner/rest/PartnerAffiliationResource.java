package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.PartnerAffiliationResponse;
import dev.trellis.partner.service.AffiliationService;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.http.CsvExports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/partners/{partnerId}/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class PartnerAffiliationResource {
    private final AffiliationService affiliations;
    private final PartnerService partners;

    private final CsvExports csv;

    public PartnerAffiliationResource(AffiliationService affiliations, PartnerService partners, CsvExports csv) {
        this.csv = csv;
        this.affiliations = affiliations;
        this.partners = partners;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "A partner's affiliations", description = "Current ones (default) or, with current=false, "
            + "all including ended ones; sorted by start date, id; keyset-paged. " + CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page of affiliations with the people's names")
    @APIResponse(responseCode = "404", description = "No such partner")
    public Response list(@PathParam("partnerId") UUID partnerId,
            @QueryParam("current") @DefaultValue("true") boolean current,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return csv.list(headers, uri, limit, cursor, PartnerAffiliationResponse.CSV, page -> {
            var found = affiliations.listForPartner(partnerId, current, page);
            String partnerName = partners.names(java.util.Set.of(partnerId)).get(partnerId);
            return found.map(row -> PartnerAffiliationResponse.of(row, partnerName));
        });
    }
}

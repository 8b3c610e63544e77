package dev.trellis.partner.rest;

import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.rest.dto.KeyContactResponse;
import dev.trellis.partner.rest.dto.MembershipResponse;
import dev.trellis.partner.rest.dto.PartnerAffiliationResponse;
import dev.trellis.partner.rest.dto.PartnerOverviewResponse;
import dev.trellis.partner.rest.dto.PartnerResponse;
import dev.trellis.partner.service.AffiliationService;
import dev.trellis.partner.service.KeyContactService;
import dev.trellis.partner.service.MembershipService;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.TouchpointFilter;
import dev.trellis.partner.service.TouchpointService;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's page in one call: what {@code GET /api/partners/{id}}, {@code …/affiliations?current=false},
 * {@code …/membership}, {@code …/membership/key-contacts} and {@code …/touchpoints} answer, each built by the
 * same service call as that route. One request instead of five is what keeps the console's partner page
 * cheap (docs/benchmarks.md, "Console"). Staff only, as the touchpoints are.
 */
@Path("/api/partners/{id}/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class PartnerOverviewResource {
    private final PartnerService partners;
    private final AffiliationService affiliations;
    private final MembershipService memberships;
    private final KeyContactService keyContacts;
    private final TouchpointService touchpoints;
    private final TouchpointViews touchpointViews;
    private final Callers callers;

    public PartnerOverviewResource(PartnerService partners, AffiliationService affiliations, MembershipService memberships,
            KeyContactService keyContacts, TouchpointService touchpoints, TouchpointViews touchpointViews, Callers callers) {
        this.partners = partners;
        this.affiliations = affiliations;
        this.memberships = memberships;
        this.keyContacts = keyContacts;
        this.touchpoints = touchpoints;
        this.touchpointViews = touchpointViews;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "A partner's page in one call: profile, people, membership, key contacts, touchpoints",
            description = "The profile as GET /api/partners/{id} (its ETag is not repeated: read the partner for an "
                    + "If-Match), the first page of its affiliations current and past (as …/affiliations?current=false), "
                    + "its membership today or null, its key contacts, and the first page of its touchpoints newest "
                    + "first (as …/touchpoints). A page's next is a cursor for the route it comes from.")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "400", description = "A limit outside 1..200 (errors[].field names it)")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such partner")
    public PartnerOverviewResponse get(@PathParam("id") UUID id,
            @Parameter(description = "affiliations on the first page (1..200, default 200)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200")) @QueryParam("affiliations") Integer people,
            @Parameter(description = "touchpoints on the first page (1..200, default 10)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200")) @QueryParam("touchpoints") Integer recent) {
        PageRequest peoplePage = page("affiliations", people, PageRequest.MAX_LIMIT);
        PageRequest touchpointPage = page("touchpoints", recent, 10);
        Caller caller = callers.current();
        Partner partner = partners.get(id);
        PartnerResponse profile = PartnerResponse.of(partner, partners.companyGroup(id));
        var affiliationPage = affiliations.listForPartner(id, false, peoplePage)
                .map(row -> PartnerAffiliationResponse.of(row, partner.name));
        LocalDate today = memberships.today();
        MembershipResponse membership = memberships.find(caller, id)
                .map(m -> MembershipResponse.of(m, memberships.termsOn(m, today), memberships.rules(), today)).orElse(null);
        var keys = keyContacts.list(id).stream().map(KeyContactResponse::of).toList();
        var touchpointList = touchpointViews.touchpoints(touchpoints.list(id, new TouchpointFilter(null, null, null, null), touchpointPage),
                touchpoints.today());
        return new PartnerOverviewResponse(profile, affiliationPage, membership, keys, touchpointList);
    }

    /** A limit named after its parameter, so a bad one is reported as that field. */
    private static PageRequest page(String name, Integer limit, int otherwise) {
        try {
            return PageRequest.of(limit == null ? otherwise : limit, null);
        } catch (InvalidInput e) {
            throw InvalidInput.field(name, "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
    }
}

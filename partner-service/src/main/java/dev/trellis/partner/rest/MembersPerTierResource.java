package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.MembersPerTierResponse;
import dev.trellis.partner.service.MembershipService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Members per tier on a day, for staff: the figure board entitlements are computed from. */
@Path("/api/partners/members-per-tier")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class MembersPerTierResource {
    private final MembershipService memberships;

    public MembersPerTierResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "How many members each tier has today, or on ?on=YYYY-MM-DD",
            description = "Partners neither lapsed nor former whose membership is new, current or in grace that day, by their tier "
                    + "that day (a scheduled tier change counts from its effective date). advisory-service's compliance report "
                    + "counts members the same way.")
    @APIResponse(responseCode = "200", description = "Every configured tier, highest first, with its members")
    @APIResponse(responseCode = "400", description = "on is not a date")
    public MembersPerTierResponse get(
            @Parameter(description = "Day to count for (ISO date, default today in the foundation's zone)", example = "2027-01-01")
            @QueryParam("on") String on) {
        LocalDate day = day(on);
        return MembersPerTierResponse.of(day, memberships.membersPerTier(day));
    }

    private LocalDate day(String on) {
        LocalDate day = PartnerTouchpointResource.date("on", on);
        return day == null ? memberships.today() : day;
    }
}

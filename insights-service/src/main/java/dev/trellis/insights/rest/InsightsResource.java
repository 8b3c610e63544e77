package dev.trellis.insights.rest;

import dev.trellis.insights.rest.dto.AtRiskResponse;
import dev.trellis.insights.rest.dto.GrowthLeadsResponse;
import dev.trellis.insights.rest.dto.HealthResponse;
import dev.trellis.insights.rest.dto.LevelPlayingFieldResponse;
import dev.trellis.insights.rest.dto.PartnerInsightsResponse;
import dev.trellis.insights.rest.dto.TimelineEntryResponse;
import dev.trellis.insights.service.GrowthLeadsService;
import dev.trellis.insights.service.HealthService;
import dev.trellis.insights.service.LevelPlayingFieldService;
import dev.trellis.insights.service.TimelineService;
import dev.trellis.insights.service.WorklistService;
import dev.trellis.platform.http.PageResponses;
import dev.trellis.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the community team and foundation staff act on: a partner's engagement timeline, its health with the reasons,
 * and the at-risk worklist. Staff only: partners never see scores, reasons or anything of another partner.
 */
@Path("/api/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights")
public class InsightsResource {
    private final TimelineService timeline;
    private final HealthService health;
    private final WorklistService worklist;
    private final LevelPlayingFieldService fairness;
    private final GrowthLeadsService growth;

    public InsightsResource(TimelineService timeline, HealthService health, WorklistService worklist,
            LevelPlayingFieldService fairness, GrowthLeadsService growth) {
        this.fairness = fairness;
        this.growth = growth;
        this.timeline = timeline;
        this.health = health;
        this.worklist = worklist;
    }

    @GET
    @Path("/partners/{id}/timeline")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "A partner's engagement timeline, newest first, cursor-paged; each line links to its source record")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "400", description = "An unknown kind, a bad date, or to before from")
    public Response timeline(@PathParam("id") UUID id,
            @Parameter(description = "One or more kinds, comma-separated (TOUCHPOINT, MEMBERSHIP, SEAT_ASSIGNED, …)") @QueryParam("kind") String kind,
            @Parameter(description = "First day (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date)") @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        URI base = uri.getBaseUri();
        return PageResponses.of(timeline.page(id, Params.kinds(kind), Params.date("from", from), Params.date("to", to),
                PageRequest.of(limit, cursor)).map(e -> TimelineEntryResponse.of(e, base)), uri);
    }

    @GET
    @Path("/partners/{id}/health")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "A member's health, 0-100, with every reason (observation, cost, next action) and its daily trend")
    @APIResponse(responseCode = "200", description = "The health")
    @APIResponse(responseCode = "404", description = "No such partner, or not a member (only members have a health score)")
    public HealthResponse health(@PathParam("id") UUID id,
            @Parameter(description = "Days of trend, 1 to 3660 (default 90)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3660")) @QueryParam("days") Integer days) {
        return HealthResponse.of(health.get(id, Params.days("days", days, 90)));
    }

    @GET
    @Path("/partners/{id}/overview")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "A partner's health and the first page of its timeline in one call",
            description = "health as …/health (null when the partner is not a member), timeline as …/timeline; the "
                    + "timeline's next is a cursor for …/timeline with the same kind.")
    @APIResponse(responseCode = "200", description = "Health and timeline")
    @APIResponse(responseCode = "400", description = "An unknown kind, or days or limit out of range")
    public PartnerInsightsResponse overview(@PathParam("id") UUID id,
            @Parameter(description = "Days of trend, 1 to 3660 (default 90)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3660")) @QueryParam("days") Integer days,
            @Parameter(description = "One or more kinds, comma-separated (TOUCHPOINT, MEMBERSHIP, SEAT_ASSIGNED, …)") @QueryParam("kind") String kind,
            @Parameter(description = "Timeline lines, 1 to 200 (default 15)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200")) @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        URI base = uri.getBaseUri();
        var lines = timeline.page(id, Params.kinds(kind), null, null, PageRequest.of(limit == null ? 15 : limit, null))
                .map(e -> TimelineEntryResponse.of(e, base));
        return new PartnerInsightsResponse(health.find(id, Params.days("days", days, 90)).map(HealthResponse::of).orElse(null),
                lines);
    }

    @GET
    @Path("/at-risk")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Members at risk, the lowest health first, each with its reasons and next action; cursor-paged")
    @APIResponse(responseCode = "200", description = "One page of the worklist")
    @APIResponse(responseCode = "400", description = "A bad renewal-within period")
    public Response atRisk(@Parameter(description = "Tier in effect today") @QueryParam("tier") String tier,
            @Parameter(description = "Only members whose term ends within this period (ISO 8601, e.g. P90D)", example = "P90D")
            @QueryParam("renewal-within") String renewalWithin,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        LocalDate today = health.today();
        return PageResponses.of(worklist.atRisk(tier == null || tier.isBlank() ? null : tier.trim(),
                Params.period("renewal-within", renewalWithin), PageRequest.of(limit, cursor))
                .map(r -> AtRiskResponse.of(r, health.reasons(r.health()), today)), uri);
    }

    @GET
    @Path("/level-playing-field")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Per board each company group's seats against the cap (near cap: one more seat breaks it), across events "
            + "each group's share of sponsorships and attendance (last 12 months), and the concentration of each month by month")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "months out of range")
    public LevelPlayingFieldResponse levelPlayingField(
            @Parameter(description = "Months of trend, 1 to 60 (default 24)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "60"))
            @QueryParam("months") Integer months) {
        int m = months == null ? 24 : months;
        if (m < 1 || m > 60) {
            throw dev.trellis.platform.domain.InvalidInput.field("months", "must be between 1 and 60");
        }
        return LevelPlayingFieldResponse.of(fairness.report(m));
    }

    @GET
    @Path("/growth-leads")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Growth leads: non-member organisations whose people come to events (by the registrations' email "
            + "domain, free-mail and members' domains left out) and members whose participation is that of the tier above; "
            + "each list strongest first, with the observed numbers and a suggested next action")
    @APIResponse(responseCode = "200", description = "The leads")
    @APIResponse(responseCode = "400", description = "limit out of range")
    public GrowthLeadsResponse growthLeads(
            @Parameter(description = "The most leads of each kind, 1 to 100 (default 20)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100"))
            @QueryParam("limit") Integer limit) {
        int l = limit == null ? 20 : limit;
        if (l < 1 || l > 100) {
            throw dev.trellis.platform.domain.InvalidInput.field("limit", "must be between 1 and 100");
        }
        return GrowthLeadsResponse.of(growth.report(l));
    }
}

package dev.trellis.insights.rest;

import dev.trellis.insights.rest.dto.ValueReportResponse;
import dev.trellis.insights.service.ValueReportService;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's own value report: what its membership gave it. Staff read any partner's; a partner user its own. */
@Path("/api/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights")
public class ValueReportResource {
    private final ValueReportService reports;
    private final Callers callers;

    public ValueReportResource(ValueReportService reports, Callers callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @GET
    @Path("/partners/me/value")
    @RolesAllowed("partner")
    @Operation(summary = "Your organisation's value report: seats and attendance, events attended and sponsored, registrations, "
            + "touchpoints (dates and types) over a period, default the last 12 months")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "403", description = "A partner token without a partner")
    public ValueReportResponse mine(@Parameter(description = "First day (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date)") @QueryParam("to") String to) {
        Caller caller = callers.current();
        return ValueReportResponse.of(reports.report(caller, caller.ownPartnerId(), Params.date("from", from), Params.date("to", to)));
    }

    @GET
    @Path("/partners/{id}/value")
    @RolesAllowed({"community-team", "foundation-staff", "partner"})
    @Operation(summary = "A partner's value report, as the partner sees it")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "403", description = "A partner user asking for another organisation's")
    @APIResponse(responseCode = "404", description = "No such partner")
    public ValueReportResponse of(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return ValueReportResponse.of(reports.report(callers.current(), id, Params.date("from", from), Params.date("to", to)));
    }
}

package dev.trellis.advisory.rest;

import dev.trellis.advisory.rest.dto.ComplianceResponse;
import dev.trellis.advisory.service.ComplianceService;
import dev.trellis.platform.validation.Values;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/boards/{id}/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class ComplianceResource {
    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "Entitlements against filled seats, each company's seats against the caps, terms ending within 90 days, "
            + "holders whose partner lapsed or who changed employer, suspended voters")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such board")
    public ComplianceResponse get(@PathParam("id") UUID id,
            @Parameter(description = "Day to report on (ISO date, default today in the foundation's time zone)", example = "2026-06-30") @QueryParam("on") String on) {
        return ComplianceResponse.of(compliance.report(id, parse(on)));
    }

    /** The day asked for; null for today. */
    static LocalDate parse(String on) {
        return Values.day("on", on);
    }
}

package dev.trellis.advisory.rest;

import dev.trellis.advisory.rest.dto.SuccessionResponse;
import dev.trellis.advisory.service.SuccessionService;
import dev.trellis.platform.domain.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Period;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seat succession: who could take each seat that opens soon without breaking the board's policy. */
@Path("/api/boards/{id}/succession")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class SuccessionResource {
    private final SuccessionService succession;

    public SuccessionResource(SuccessionService succession) {
        this.succession = succession;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "For each seat whose term ends within the window (and each vacated in the window before today), the "
            + "contacts who could take it without breaking any rule, and the rules that exclude each other candidate")
    @APIResponse(responseCode = "200", description = "The openings with their candidates")
    @APIResponse(responseCode = "400", description = "within is not an ISO 8601 period from P1D to P2Y")
    @APIResponse(responseCode = "404", description = "No such board")
    public SuccessionResponse plan(@PathParam("id") UUID id,
            @Parameter(description = "Window (ISO 8601 period, default P90D)", example = "P180D") @QueryParam("within") String within) {
        return SuccessionResponse.of(succession.plan(id, window(within)));
    }

    private static Period window(String within) {
        if (within == null || within.isBlank()) {
            return Period.ofDays(90);
        }
        try {
            Period p = Period.parse(within.strip());
            if (p.isNegative() || p.isZero() || p.toTotalMonths() > 24 || p.getDays() > 731) {
                throw InvalidInput.field("within", "must be a period from P1D to P2Y");
            }
            return p;
        } catch (DateTimeException e) {
            throw InvalidInput.field("within", "must be an ISO 8601 period such as P90D");
        }
    }
}

package dev.trellis.advisory.rest;

import dev.trellis.advisory.rest.dto.WhatIfRequest;
import dev.trellis.advisory.rest.dto.WhatIfResponse;
import dev.trellis.advisory.service.WhatIfService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Governance foresight: what hypothetical changes would break on every board, without changing anything. */
@Path("/api/boards/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Boards")
public class WhatIfResource {
    private final WhatIfService whatIf;

    public WhatIfResource(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    @POST
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The rules each board's seats would break after an acquisition, a tier change or a holder changing "
            + "employer; nothing is changed")
    @APIResponse(responseCode = "200", description = "Per board (affected first) the findings after the changes, new ones marked")
    @APIResponse(responseCode = "400", description = "A change without the fields its type needs")
    public WhatIfResponse assess(@Valid @NotNull WhatIfRequest request) {
        WhatIfService.Assessment a = whatIf.assess(request.toHypothesis(), request.on());
        return WhatIfResponse.of(a.day(), a.boards());
    }
}

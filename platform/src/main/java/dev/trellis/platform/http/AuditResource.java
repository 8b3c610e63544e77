package dev.trellis.platform.http;

import dev.trellis.platform.audit.AuditConfig;
import dev.trellis.platform.audit.AuditEntries;
import dev.trellis.platform.audit.AuditEntryPage;
import dev.trellis.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/audit/<service>}: the service's audit trail, for staff. Each service answers only its
 * own name ({@code trellis.audit.service}); any other is 404, as is every name in a service without one.
 */
@Path("/api/audit/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditResource {
    private final AuditEntries entries;
    private final String service;

    public AuditResource(AuditEntries entries, AuditConfig config) {
        this.entries = entries;
        this.service = config.service().orElse(null);
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "List the audit entries of this service (newest first, cursor-paged)",
            description = "Every change of this service's records: who made it (user, machine client, the "
                    + "system), when, and which fields changed. Personal data and free text appear only as "
                    + "changed, never with their values.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryPage.class)))
    @APIResponse(responseCode = "400", description = "A filter or the cursor is invalid")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "This service keeps no trail of that name")
    public Response list(@PathParam("service") String name,
            @Parameter(description = "Only this kind of record, e.g. partner, contact, seat, registration")
            @QueryParam("entityType") @Size(max = 100) String entityType,
            @Parameter(description = "Only this record (with entityType)") @QueryParam("entityId") @Size(max = 255) String entityId,
            @Parameter(description = "Only changes by this username or client id, or system") @QueryParam("actor")
            @Size(max = 255) String actor,
            @Parameter(description = "From this instant (inclusive, ISO-8601)") @QueryParam("from") Instant from,
            @Parameter(description = "Before this instant (exclusive, ISO-8601)") @QueryParam("to") Instant to,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The next page's cursor") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        LogRoutes.check(service, name, "This service keeps no audit trail of that name", from, to);
        PageRequest page = PageRequest.of(limit, cursor);
        return PageResponses.of(entries.list(new AuditEntries.Filter(blankToNull(entityType), blankToNull(entityId),
                blankToNull(actor), from, to), page), uri);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

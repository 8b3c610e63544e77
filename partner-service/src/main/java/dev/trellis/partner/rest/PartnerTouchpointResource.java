package dev.trellis.partner.rest;

import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.domain.TouchpointType;
import dev.trellis.partner.rest.dto.LogTouchpointRequest;
import dev.trellis.partner.rest.dto.TouchpointResponse;
import dev.trellis.partner.service.TouchpointFilter;
import dev.trellis.partner.service.TouchpointService;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.security.Callers;
import dev.trellis.platform.validation.Values;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's touchpoints. Staff only: touchpoints carry internal notes, so partners get 403. */
@Path("/api/partners/{partnerId}/touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints")
public class PartnerTouchpointResource {
    private final TouchpointService touchpoints;
    private final TouchpointViews views;
    private final Callers callers;

    private final CsvExports csv;

    public PartnerTouchpointResource(TouchpointService touchpoints, TouchpointViews views, Callers callers, CsvExports csv) {
        this.csv = csv;
        this.touchpoints = touchpoints;
        this.views = views;
        this.callers = callers;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "List a partner's touchpoints, newest first",
            description = "Keyset-paged by (occurredOn, id) descending. Filters combine; dates are inclusive. "
                    + CsvExports.DESCRIPTION + " The CSV has no notes column.")
    @APIResponse(responseCode = "200", description = "One page of touchpoints, with a next cursor when there are more")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such partner")
    public Response list(@PathParam("partnerId") UUID partnerId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"CALL", "MEETING", "BUSINESS_REVIEW",
                    "CONFERENCE_CONVERSATION", "EMAIL"})) @QueryParam("type") String type,
            @Parameter(description = "true: only executive touchpoints; false: only the others") @QueryParam("executive") String executive,
            @Parameter(description = "earliest date, inclusive", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "latest date, inclusive", example = "2025-03-31") @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        TouchpointFilter filter = new TouchpointFilter(type(type), bool("executive", executive), date("from", from),
                date("to", to));
        LocalDate today = touchpoints.today();
        return csv.list(headers, uri, limit, cursor, TouchpointResponse.CSV,
                page -> views.touchpoints(touchpoints.list(partnerId, filter, page), today));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Log a touchpoint with a partner",
            description = "Records the touchpoint, its attendees and next steps, and whether it was an executive touchpoint. "
                    + "Publishes dev.trellis.partner.touchpoint-logged.v1 (without summary or notes).")
    @APIResponse(responseCode = "201", description = "Logged; Location names the touchpoint")
    @APIResponse(responseCode = "400", description = "A field is invalid (named in errors[].field)")
    @APIResponse(responseCode = "403", description = "Not community team")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "422", description = "A contact attendee was not affiliated with the partner on that day "
            + "(attendee-not-affiliated; rules[] names each attendeeContactIds[i])")
    public Response log(@PathParam("partnerId") UUID partnerId, @Valid @NotNull LogTouchpointRequest request,
            @Context UriInfo uri) {
        Touchpoint touchpoint = touchpoints.log(partnerId, request.toCommand(), callers.current());
        return Response.created(uri.getBaseUriBuilder().path("api/touchpoints/{id}").build(touchpoint.id))
                .tag(EntityTags.of(touchpoint.version))
                .entity(views.touchpoint(touchpoint, touchpoints.today())).build();
    }

    private static TouchpointType type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TouchpointType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("type", "must be one of CALL, MEETING, BUSINESS_REVIEW, CONFERENCE_CONVERSATION, EMAIL");
        }
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidInput.field(name, "must be true or false");
        };
    }

    static LocalDate date(String name, String value) {
        return Values.day(name, value);
    }
}

package dev.trellis.partner.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.partner.rest.dto.PartnerContactResponse;
import dev.trellis.partner.service.ContactDetails;
import dev.trellis.partner.service.ContactService;
import dev.trellis.partner.service.command.ContactChanges;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.Problem;
import dev.trellis.platform.http.ProblemException;
import dev.trellis.platform.patch.MergePatch;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner self-service: the people currently affiliated with the caller's own organisation (from the
 * token, never from the request). Anyone else's contact is not found.
 */
@Path("/api/partners/me/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner self-service")
public class PartnerContactResource {
    static final Set<String> PARTNER_FIELDS = Set.of(ContactChanges.FIRST_NAME, ContactChanges.LAST_NAME,
            ContactChanges.PHONE, ContactChanges.JOB_TITLE);

    private final ContactService contacts;
    private final Callers callers;
    private final ObjectMapper json;
    private final Validator validator;

    private final CsvExports csv;

    public PartnerContactResource(ContactService contacts, Callers callers, ObjectMapper json, Validator validator,
            CsvExports csv) {
        this.csv = csv;
        this.contacts = contacts;
        this.callers = callers;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed("partner")
    @Operation(summary = "My organisation's contacts", description = "Sorted by last name, first name, id; keyset-paged. "
            + CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page of contacts with their roles at my organisation")
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        UUID own = callers.current().ownPartnerId();
        return csv.list(headers, uri, limit, cursor, PartnerContactResponse.CSV,
                page -> contacts.listForPartner(own, page).map(PartnerContactResponse::of));
    }

    @GET
    @Path("/{contactId}")
    @RolesAllowed("partner")
    @Operation(summary = "One of my organisation's contacts")
    @APIResponse(responseCode = "200", description = "The contact; ETag for If-Match")
    @APIResponse(responseCode = "404", description = "Not a current contact of my organisation")
    public Response get(@PathParam("contactId") UUID contactId) {
        return withETag(contacts.getForPartner(callers.current().ownPartnerId(), contactId));
    }

    @PATCH
    @Path("/{contactId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("partner")
    @Operation(summary = "Correct one of my organisation's contacts",
            description = "JSON merge patch of firstName, lastName, phone, jobTitle only; email and affiliations are the foundation's.")
    @APIResponse(responseCode = "200", description = "The changed contact, with its new ETag")
    @APIResponse(responseCode = "400", description = "A field is malformed")
    @APIResponse(responseCode = "403", description = "A field that partners may not change was sent")
    @APIResponse(responseCode = "404", description = "Not a current contact of my organisation")
    @APIResponse(responseCode = "412", description = "The contact changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("contactId") UUID contactId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode body) {
        UUID partnerId = callers.current().ownPartnerId();
        List<String> refused = MergePatch.outside(body, PARTNER_FIELDS);
        if (!refused.isEmpty()) {
            throw new ProblemException(403, "field-not-editable", "Field not editable",
                    ContactResource.onlyTheseFields(PARTNER_FIELDS),
                    refused.stream().map(f -> new Problem.FieldError(f, "cannot be changed here")).toList());
        }
        return withETag(contacts.updateForPartner(partnerId, contactId, ifMatch,
                ContactResource.readPatch(body, json, validator)));
    }

    private static Response withETag(ContactDetails details) {
        return Response.ok(PartnerContactResponse.of(details)).tag(EntityTags.of(details.contact().version)).build();
    }
}

package dev.trellis.partner.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.partner.rest.dto.PartnerContactResponse;
import dev.trellis.partner.service.ContactDetails;
import dev.trellis.partner.service.ContactService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.Page;
import dev.trellis.platform.http.PageRequest;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
    private final ContactService contacts;
    private final ContactPatches patches;
    private final JsonWebToken token;

    public PartnerContactResource(ContactService contacts, ContactPatches patches, JsonWebToken token) {
        this.contacts = contacts;
        this.patches = patches;
        this.token = token;
    }

    @GET
    @RolesAllowed("partner")
    @Operation(summary = "My organisation's contacts", description = "Sorted by last name, first name, id; keyset-paged.")
    @APIResponse(responseCode = "200", description = "One page of contacts with their roles at my organisation")
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(contacts.listForPartner(PartnerClaim.of(token), page), page, ContactService::cursorOf,
                PartnerContactResponse::of).toResponse(uri);
    }

    @GET
    @Path("/{contactId}")
    @RolesAllowed("partner")
    @Operation(summary = "One of my organisation's contacts")
    @APIResponse(responseCode = "200", description = "The contact; ETag for If-Match")
    @APIResponse(responseCode = "404", description = "Not a current contact of my organisation")
    public Response get(@PathParam("contactId") UUID contactId) {
        return withETag(contacts.getForPartner(PartnerClaim.of(token), contactId));
    }

    @PATCH
    @Path("/{contactId}")
    @Consumes({ContactResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
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
            JsonNode body) throws JsonProcessingException {
        UUID partnerId = PartnerClaim.of(token);
        return withETag(contacts.updateForPartner(partnerId, contactId, ifMatch,
                patches.read(body, ContactPatches.PARTNER_FIELDS, 403)));
    }

    private static Response withETag(ContactDetails details) {
        return Response.ok(PartnerContactResponse.of(details)).tag(EntityTags.of(details.contact().version)).build();
    }
}

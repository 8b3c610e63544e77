package dev.trellis.partner.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.rest.dto.ConsentRequest;
import dev.trellis.partner.rest.dto.ConsentResponse;
import dev.trellis.partner.rest.dto.ContactCreateRequest;
import dev.trellis.partner.rest.dto.ContactErasureResponse;
import dev.trellis.partner.rest.dto.ContactResponse;
import dev.trellis.partner.rest.dto.ContactSummaryResponse;
import dev.trellis.partner.service.ContactDetails;
import dev.trellis.partner.service.ContactService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.Page;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "People, their dated affiliations with partners, and their consent")
public class ContactResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ContactService contacts;
    private final ContactPatches patches;

    public ContactResource(ContactService contacts, ContactPatches patches) {
        this.contacts = contacts;
        this.patches = patches;
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "List contacts", description = "Sorted by last name, first name, id; keyset-paged.")
    @APIResponse(responseCode = "200", description = "One page of contacts with their current affiliations")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or filter")
    public Response list(
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("partnerId") UUID partnerId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(contacts.list(q, partnerId, page), page, ContactService::cursorOf, ContactSummaryResponse::of)
                .toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Add a contact")
    @APIResponse(responseCode = "201", description = "Created; Location names the contact")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed")
    @APIResponse(responseCode = "409", description = "Another contact has this email")
    public Response create(@Valid @NotNull ContactCreateRequest body, @Context UriInfo uri) {
        ContactDetails created = contacts.create(body.firstName(), body.lastName(), body.email(), body.phone(),
                body.jobTitle());
        return Response.created(uri.getAbsolutePathBuilder().path(created.contact().id.toString()).build())
                .tag(EntityTags.of(created.contact().version)).entity(ContactResponse.of(created)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Read a contact", description = "With current and past affiliations, current consents and the consent history.")
    @APIResponse(responseCode = "200", description = "The contact; ETag for If-Match")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Response get(@PathParam("id") UUID id) {
        return withETag(contacts.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change a contact's details", description = "JSON merge patch of firstName, lastName, email, phone, jobTitle.")
    @APIResponse(responseCode = "200", description = "The changed contact, with its new ETag")
    @APIResponse(responseCode = "400", description = "A field is malformed or cannot be changed")
    @APIResponse(responseCode = "409", description = "Another contact has this email, or the contact was erased")
    @APIResponse(responseCode = "412", description = "The contact changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body)
            throws JsonProcessingException {
        return withETag(contacts.update(id, ifMatch, patches.read(body, ContactPatches.STAFF_FIELDS, 400)));
    }

    @PUT
    @Path("/{id}/consents/{purpose}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Record a consent decision", description = "Appends to the history; the latest decision per purpose is the state.")
    @APIResponse(responseCode = "200", description = "The recorded decision")
    @APIResponse(responseCode = "400", description = "Unknown purpose or malformed body")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "The contact was erased")
    public ConsentResponse consent(@PathParam("id") UUID id, @PathParam("purpose") String purpose,
            @Valid @NotNull ConsentRequest body) {
        return ConsentResponse.of(contacts.recordConsent(id, purpose(purpose), body.granted(), body.source()));
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Erase a contact for privacy",
            description = "Irreversible. Name, email, phone and job title are replaced by placeholders, the consent "
                    + "history and key-contact roles are deleted; affiliations and touchpoint attendance stay, about "
                    + "nobody identifiable. Other services anonymise their records when the contact-erased event "
                    + "reaches them. Asking again answers with the first erasure.")
    @APIResponse(responseCode = "200", description = "The contact is erased")
    @APIResponse(responseCode = "404", description = "No such contact")
    public ContactErasureResponse erase(@PathParam("id") UUID id) {
        return ContactErasureResponse.of(contacts.erase(id));
    }

    private static ConsentPurpose purpose(String value) {
        try {
            return ConsentPurpose.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("purpose", "must be one of " + Arrays.toString(ConsentPurpose.values()));
        }
    }

    private static Response withETag(ContactDetails details) {
        return Response.ok(ContactResponse.of(details)).tag(EntityTags.of(details.contact().version)).build();
    }
}

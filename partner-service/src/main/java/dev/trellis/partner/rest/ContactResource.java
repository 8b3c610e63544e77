package dev.trellis.partner.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.ConsentActor;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentState;
import dev.trellis.partner.rest.dto.ConsentRequest;
import dev.trellis.partner.rest.dto.ConsentResponse;
import dev.trellis.partner.rest.dto.ContactCreateRequest;
import dev.trellis.partner.rest.dto.ContactErasureResponse;
import dev.trellis.partner.rest.dto.ErasureStatusResponse;
import dev.trellis.partner.rest.dto.ContactPatchRequest;
import dev.trellis.partner.rest.dto.ContactResponse;
import dev.trellis.partner.rest.dto.ContactSummaryResponse;
import dev.trellis.partner.service.ContactDetails;
import dev.trellis.partner.service.ContactService;
import dev.trellis.partner.service.ErasureService;
import dev.trellis.platform.security.Callers;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.partner.service.command.ContactChanges;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.security.Callers;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.patch.MergePatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "People, their dated affiliations with partners, and their consent")
public class ContactResource {
    /** Ids per ?id= list: 50 UUIDs make an address of about 2,000 characters. */
    static final int MAX_IDS = 50;

    static final Set<String> STAFF_FIELDS = Set.of(ContactChanges.FIRST_NAME, ContactChanges.LAST_NAME,
            ContactChanges.EMAIL, ContactChanges.PHONE, ContactChanges.JOB_TITLE);

    private final ContactService contacts;
    private final PartnerService partners;
    private final ObjectMapper json;
    private final Validator validator;

    private final CsvExports csv;
    private final ErasureService erasures;
    private final Callers callers;

    public ContactResource(ContactService contacts, PartnerService partners, ObjectMapper json, Validator validator,
            CsvExports csv, ErasureService erasures, Callers callers) {
        this.csv = csv;
        this.erasures = erasures;
        this.callers = callers;
        this.contacts = contacts;
        this.partners = partners;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "List contacts", description = "Sorted by last name, first name, id; keyset-paged. " + CsvExports.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page of contacts with their current affiliations")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or filter")
    public Response list(
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("partnerId") UUID partnerId,
            @Parameter(description = "Only contacts whose latest decision for this purpose grants it",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"MARKETING_EMAIL", "EVENT_PHOTOS",
                            "DATA_SHARING_WITH_MEMBERS", "RENEWAL_REMINDERS"}))
            @QueryParam("consent") String consent,
            @Parameter(description = "With consent: which state for that purpose, GRANTED (the default) or WITHDRAWN by the "
                    + "latest decision, or UNKNOWN (no decision recorded)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"GRANTED", "WITHDRAWN", "UNKNOWN"}))
            @QueryParam("consentState") String consentState,
            @Parameter(description = "Only these contacts (repeat the parameter, at most " + MAX_IDS + " ids, which keeps the "
                    + "address under the gateway's 4,096 characters): names the people other services refer to by id, such "
                    + "as seat holders, in one call")
            @QueryParam("id") List<UUID> ids,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        ConsentPurpose purpose = consent == null || consent.isBlank() ? null : purpose("consent", consent.strip());
        ConsentState state = consentState(consentState, purpose);
        if (ids != null && ids.size() > MAX_IDS) {
            throw InvalidInput.field("id", "at most " + MAX_IDS + " ids");
        }
        return csv.list(headers, uri, limit, cursor, ContactSummaryResponse.CSV, page -> {
            Page<ContactDetails> found = contacts.list(q, partnerId, purpose, state, ids, page);
            Map<UUID, String> names = partnerNames(found.items().stream().flatMap(d -> d.affiliations().stream()).toList());
            return found.map(d -> ContactSummaryResponse.of(d, names));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Add a contact")
    @APIResponse(responseCode = "201", description = "Created; Location names the contact")
    @APIResponse(responseCode = "400", description = "A field is missing or malformed")
    @APIResponse(responseCode = "409", description = "Another contact has this email")
    public Response create(@Valid @NotNull ContactCreateRequest body, @Context UriInfo uri) {
        ContactDetails created = contacts.create(body.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(created.contact().id.toString()).build())
                .tag(EntityTags.of(created.contact().version))
                .entity(ContactResponse.of(created, contacts.today(), Map.of())).build();
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
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change a contact's details", description = "JSON merge patch of firstName, lastName, email, phone, jobTitle.")
    @APIResponse(responseCode = "200", description = "The changed contact, with its new ETag")
    @APIResponse(responseCode = "400", description = "A field is malformed or cannot be changed")
    @APIResponse(responseCode = "409", description = "Another contact has this email, or the contact was erased")
    @APIResponse(responseCode = "412", description = "The contact changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @RequestBody(content = @Content(schema = @Schema(implementation = ContactPatchRequest.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        List<String> refused = MergePatch.outside(body, STAFF_FIELDS);
        if (!refused.isEmpty()) {
            throw new InvalidInput(onlyTheseFields(STAFF_FIELDS),
                    refused.stream().map(f -> new InvalidInput.FieldError(f, "cannot be changed here")).toList());
        }
        return withETag(contacts.update(id, ifMatch, readPatch(body, json, validator)));
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
        return ConsentResponse.of(contacts.recordConsent(id, purpose("purpose", purpose), body.granted(), body.source(),
                ConsentActor.staff(callers.current().requireUsername())));
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Erase a contact for privacy",
            description = "Irreversible. Name, email, phone and job title are replaced by placeholders, the consent "
                    + "history and key-contact roles are deleted, mentions of the person in touchpoints and next steps "
                    + "become [erased], and the person's partner-portal account is deleted; affiliations and touchpoint "
                    + "attendance stay, about nobody identifiable. Other services anonymise their records when the "
                    + "contact-erased event reaches them and confirm: the answer (and GET on this path) shows each "
                    + "service's part as PENDING or DONE. Asking again answers with the first erasure.")
    @APIResponse(responseCode = "200", description = "The contact is erased; the other services' parts may be pending")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "502", description = "Keycloak refused to delete the person's portal account; nothing was erased")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached; nothing was erased")
    public ContactErasureResponse erase(@PathParam("id") UUID id) {
        return ContactErasureResponse.of(erasures.eraseContact(id, callers.current()));
    }

    @GET
    @Path("/{id}/erasure")
    @RolesAllowed("foundation-staff")
    @Operation(summary = "A contact's erasure and its progress",
            description = "Each service that holds data about people, PENDING until it confirmed its part of the "
                    + "erasure, then DONE; the request is DONE once all are.")
    @APIResponse(responseCode = "200", description = "The erasure request with each service's part")
    @APIResponse(responseCode = "403", description = "Not foundation staff")
    @APIResponse(responseCode = "404", description = "No such contact, or it was not erased (or before requests were tracked: erase it again)")
    public ErasureStatusResponse erasure(@PathParam("id") UUID id) {
        return ErasureStatusResponse.of(erasures.ofContact(id));
    }

    /** A contact merge patch, read and validated like a create; the caller has refused fields it may not send. */
    static MergePatch<ContactChanges> readPatch(JsonNode body, ObjectMapper json, Validator validator) {
        return MergePatch.read(body, ContactPatchRequest.class, json, validator).map(ContactPatchRequest::toChanges);
    }

    static String onlyTheseFields(Set<String> allowed) {
        return "Only these fields can be changed here: " + String.join(", ", allowed.stream().sorted().toList());
    }

    private static ConsentState consentState(String value, ConsentPurpose purpose) {
        if (value == null || value.isBlank()) {
            return ConsentState.GRANTED;
        }
        if (purpose == null) {
            throw InvalidInput.field("consentState", "needs consent (the purpose)");
        }
        try {
            return ConsentState.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("consentState", "must be one of " + Arrays.toString(ConsentState.values()));
        }
    }

    private static ConsentPurpose purpose(String field, String value) {
        try {
            return ConsentPurpose.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "must be one of " + Arrays.toString(ConsentPurpose.values()));
        }
    }

    private Map<UUID, String> partnerNames(List<Affiliation> affiliations) {
        return partners.names(affiliations.stream().map(a -> a.partnerId).collect(Collectors.toSet()));
    }

    private Response withETag(ContactDetails details) {
        return Response.ok(ContactResponse.of(details, contacts.today(), partnerNames(details.affiliations())))
                .tag(EntityTags.of(details.contact().version)).build();
    }
}

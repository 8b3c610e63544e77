package dev.trellis.partner.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.MembershipStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.rest.dto.KeyContactResponse;
import dev.trellis.partner.rest.dto.LifecycleChangeRequest;
import dev.trellis.partner.rest.dto.MembershipResponse;
import dev.trellis.partner.rest.dto.OwnOrganisationResponse;
import dev.trellis.partner.rest.dto.PartnerRequest;
import dev.trellis.partner.rest.dto.PartnerResponse;
import dev.trellis.partner.rest.dto.SelfServicePatch;
import dev.trellis.partner.service.KeyContactService;
import dev.trellis.partner.service.MembershipService;
import dev.trellis.partner.service.PartnerFilter;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.Problem;
import dev.trellis.platform.http.ProblemException;
import dev.trellis.platform.patch.MergePatch;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
    private final PartnerService partners;
    private final MembershipService memberships;
    private final KeyContactService keyContacts;
    private final Callers callers;
    private final ObjectMapper json;
    private final Validator validator;
    private final CsvExports csv;

    public PartnerResource(PartnerService partners, MembershipService memberships, KeyContactService keyContacts,
            Callers callers, ObjectMapper json, Validator validator, CsvExports csv) {
        this.csv = csv;
        this.partners = partners;
        this.memberships = memberships;
        this.keyContacts = keyContacts;
        this.callers = callers;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExports.MEDIA_TYPE})
    @RolesAllowed({"community-team", "foundation-staff", "partner"})
    @Operation(summary = "List partners", description = "Keyset-paged by name. Partner users only ever see their own organisation. "
            + CsvExports.DESCRIPTION)
    public Response list(@QueryParam("q") @Size(max = 100) String q,
            @QueryParam("status") String status,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @QueryParam("tier") @Pattern(regexp = "[A-Z_]{1,40}", message = "must be a tier code such as GOLD") String tier,
            @Parameter(description = "A partner id: only the members of its related-company group (itself, its parent "
                    + "and every partner under the same parent)")
            @QueryParam("companyGroup") String companyGroup,
            @Parameter(description = "Membership status today, one or several separated by commas: PENDING, NEW, "
                    + "CURRENT, GRACE, EXPIRED; ACTIVE = NEW or CURRENT; NONE = no membership", example = "GRACE,EXPIRED")
            @QueryParam("membershipStatus") String membershipStatus,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Caller caller = callers.current();
        UUID only = caller.isPartner() ? caller.ownPartnerId() : null;
        Set<MembershipStatus> statuses = EnumSet.noneOf(MembershipStatus.class);
        boolean none = membershipStatuses(membershipStatus, statuses);
        PartnerFilter filter = new PartnerFilter(q, lifecycleStatus(status), country, tier, only,
                uuid("companyGroup", companyGroup), statuses, none);
        return csv.list(headers, uri, limit, cursor, PartnerResponse.CSV, page -> partners.list(filter, page).map(PartnerResponse::of));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("community-team")
    @Operation(summary = "Register a partner")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response create(@Valid @NotNull PartnerRequest request, @Context UriInfo uri) {
        Partner partner = partners.register(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(partner.id.toString()).build())
                .entity(view(partner)).tag(EntityTags.of(partner.version)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"community-team", "foundation-staff", "partner"})
    @Operation(summary = "Read a partner", description = "Partner users may read only their own organisation.")
    public Response get(@PathParam("id") UUID id) {
        requireStaffOrOwn(callers.current(), id);
        return withETag(partners.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("community-team")
    @Operation(summary = "Change a partner's profile (JSON merge patch; If-Match required)")
    @RequestBody(content = @Content(schema = @Schema(implementation = PartnerRequest.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return withETag(partners.update(id, ifMatch,
                MergePatch.read(body, PartnerRequest.class, json, validator).map(PartnerRequest::toChanges)));
    }

    @POST
    @Path("/{id}/lifecycle-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"community-team", "foundation-staff"})
    @Operation(summary = "Lapse, reactivate or retire a partner (If-Match required)")
    public Response changeLifecycle(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull LifecycleChangeRequest request) {
        return withETag(partners.changeLifecycle(id, ifMatch, request.toCommand()));
    }

    /** A partner user's own organisation, from the token's partner_id claim; never another's. */
    @GET
    @Path("/me")
    @RolesAllowed("partner")
    @Operation(summary = "My organisation (partner users): profile, membership and key contacts")
    public Response me() {
        Caller caller = callers.current();
        UUID own = caller.ownPartnerId();
        Partner partner = partners.get(own);
        MembershipResponse membership = memberships.find(caller, own)
                .map(m -> MembershipResponse.of(m, memberships.termsOn(m, memberships.today()), memberships.rules(),
                        memberships.today())).orElse(null);
        return Response.ok(new OwnOrganisationResponse(view(partner), membership,
                        keyContacts.list(own).stream().map(KeyContactResponse::of).toList()))
                .tag(EntityTags.of(partner.version)).build();
    }

    @PATCH
    @Path("/me")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed("partner")
    @Operation(summary = "Change my organisation's self-service fields: description, website, logoUrl (If-Match required)")
    @RequestBody(content = @Content(schema = @Schema(implementation = SelfServicePatch.class)))
    @APIResponse(responseCode = "200", description = "The changed organisation, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "403", description = "The patch names a field partners may not change; nothing was changed")
    @APIResponse(responseCode = "412", description = "The organisation changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response updateMe(@HeaderParam("If-Match") String ifMatch, JsonNode body) {
        List<String> refused = MergePatch.outside(body, SelfServicePatch.FIELDS);
        if (!refused.isEmpty()) {
            throw new ProblemException(403, "self-service-field", "Not a self-service field",
                    "Partners may change only " + SelfServicePatch.FIELDS + "; ask the foundation to change " + refused,
                    refused.stream().map(f -> new Problem.FieldError(f, "may not be changed by partners")).toList());
        }
        UUID own = callers.current().ownPartnerId();
        return withETag(partners.updateOwn(own, ifMatch,
                MergePatch.read(body, SelfServicePatch.class, json, validator).map(SelfServicePatch::toChanges)));
    }

    /** Fills {@code into} from a comma-separated list; answers whether NONE (no membership) was among them. */
    private static boolean membershipStatuses(String value, Set<MembershipStatus> into) {
        if (value == null || value.isBlank()) {
            return false;
        }
        boolean none = false;
        for (String part : value.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.equals("NONE")) {
                none = true;
            } else if (name.equals("ACTIVE")) {
                into.add(MembershipStatus.NEW);
                into.add(MembershipStatus.CURRENT);
            } else {
                try {
                    into.add(MembershipStatus.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw InvalidInput.field("membershipStatus", "must be one or more (comma-separated) of "
                            + Arrays.toString(MembershipStatus.values()) + ", ACTIVE (NEW or CURRENT) or NONE");
                }
            }
        }
        return none;
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "must be a partner id (a UUID)");
        }
    }

    private static LifecycleStatus lifecycleStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LifecycleStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("status", "must be one of " + Arrays.toString(LifecycleStatus.values()));
        }
    }

    /** Staff read any partner; a partner user only its own organisation (403 no-partner without one). */
    static void requireStaffOrOwn(Caller caller, UUID id) {
        if (!caller.isStaff() && !id.equals(caller.ownPartnerId())) {
            throw new AccessDenied("other-partner", "Not your organisation",
                    "Partner users can read only their own organisation");
        }
    }

    private Response withETag(Partner partner) {
        return Response.ok(view(partner)).tag(EntityTags.of(partner.version)).build();
    }

    /** One partner's view: the profile with its related-company group. */
    private PartnerResponse view(Partner partner) {
        return PartnerResponse.of(partner, partners.companyGroup(partner.id));
    }
}

package dev.trellis.partner.rest;

import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.rest.dto.PartnerResponse;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.Page;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
    private final PartnerService partners;
    private final JsonWebToken token;

    public PartnerResource(PartnerService partners, JsonWebToken token) {
        this.partners = partners;
        this.token = token;
    }

    @GET
    @RolesAllowed({"community-team", "foundation-staff"})
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(partners.list(page), page, PartnerService::cursorOf, PartnerResponse::of).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"community-team", "foundation-staff"})
    public Response get(@PathParam("id") UUID id) {
        return withETag(partners.get(id));
    }

    /** A partner user's own organisation, from the token's partner_id claim; never another's. */
    @GET
    @Path("/me")
    @RolesAllowed("partner")
    public Response me() {
        Object claim = token.getClaim("partner_id");
        UUID partnerId;
        try {
            partnerId = UUID.fromString(String.valueOf(claim));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(403, "no-partner", "No partner organisation",
                    "Your account is not linked to a partner organisation");
        }
        return withETag(partners.get(partnerId));
    }

    private static Response withETag(Partner partner) {
        return Response.ok(PartnerResponse.of(partner)).tag(EntityTags.of(partner.version)).build();
    }
}

package dev.trellis.advisory.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.service.BoardService;
import dev.trellis.advisory.service.PolicyService;
import dev.trellis.platform.http.EntityTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A board's seat policy: staff edit it, the community team reads it. */
@Path("/api/boards/{id}/policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seat policies")
public class PolicyResource {
    static final String EXAMPLE = """
            {"tiers":[{"tier":"PLATINUM","perMember":1},{"tier":"GOLD","membersPerSeat":5,"rounding":"FLOOR","max":3}],
             "seats":[{"kind":"ELECTED","count":2}],
             "activations":[{"kind":"ELECTED","whenKind":"TIER_APPOINTED","whenTier":"PLATINUM","minFilled":2}],
             "caps":[{"scope":"COMPANY_GROUP","maxSeats":1}],
             "terms":{"lengthMonths":24,"maxConsecutiveTerms":2,"staggerCohorts":2},
             "seatEndsWhenHolderLeavesEmployer":false,"holderMustWorkForPartner":true,
             "attendance":{"suspendAfterMissed":3,"restoreAfterAttended":2,"alternateCounts":true},
             "quorum":{"numerator":2,"denominator":3},
             "decision":{"basis":"PRESENT","fraction":{"numerator":1,"denominator":2},"strict":true}}""";

    private final BoardService boards;
    private final PolicyService policies;

    public PolicyResource(BoardService boards, PolicyService policies) {
        this.boards = boards;
        this.policies = policies;
    }

    @GET
    @RolesAllowed({"foundation-staff", "community-team"})
    @Operation(summary = "The board's seat policy, with the board's ETag")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "governing board", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such board")
    public Response get(@PathParam("id") UUID id) {
        Board board = boards.get(id);
        return Response.ok(policies.policyOf(board)).tag(EntityTags.of(board.version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Replace the board's seat policy; held seats are re-checked against it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "governing board", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The policy as stored, with the new ETag")
    @APIResponse(responseCode = "422", description = "The policy is inconsistent (problem type invalid-policy)")
    @APIResponse(responseCode = "428", description = "No If-Match")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode policy) {
        Board board = policies.replace(id, ifMatch, policy);
        return Response.ok(policies.policyOf(board)).tag(EntityTags.of(board.version)).build();
    }
}

package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * advisory-service's seat policy of one board, as {@link PolicyPagesTest} needs it: the board's version is 7, a PUT
 * with another If-Match is a 412, and a tier rule with both a per-member count and a ratio is the engine's 422.
 */
@Path("/api/boards/" + FakePolicyApi.BOARD)
@PermitAll
@Produces("application/json")
public class FakePolicyApi {

    static final String BOARD = "90110000-0000-4000-8000-000000000001";
    /** What the console sent, by "METHOD path": "If-Match=… body". */
    static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

    static final String POLICY = """
            {"tiers":[{"tier":"PLATINUM","perMember":1,"membersPerSeat":null,"rounding":"FLOOR","max":null},
                      {"tier":"GOLD","perMember":null,"membersPerSeat":5,"rounding":"FLOOR","max":3}],
             "seats":[{"kind":"ELECTED","count":2,"ratioOfTier":null,"membersPerSeat":null,"rounding":"FLOOR","min":null,"max":null}],
             "totalSeats":11,
             "activations":[{"kind":"COMMUNITY","whenKind":"TIER_APPOINTED","whenTier":"PLATINUM","minFilled":2}],
             "caps":[{"scope":"COMPANY_GROUP","maxSeats":1,"maxShare":null,"kinds":[]},
                     {"scope":"ORGANISATION","maxSeats":null,"maxShare":{"numerator":1,"denominator":3},"kinds":["ELECTED","COMMUNITY"]}],
             "terms":{"lengthMonths":24,"startsOn":"--04-01","maxConsecutiveTerms":2,"staggerCohorts":2},
             "seatEndsWhenHolderLeavesEmployer":false,"holderMustWorkForPartner":true,
             "attendance":{"suspendAfterMissed":3,"restoreAfterAttended":2,"minShare":null,"windowDays":null,"alternateCounts":true},
             "quorum":{"numerator":2,"denominator":3},
             "decision":{"basis":"PRESENT","fraction":{"numerator":1,"denominator":2},"strict":true}}""";

    @GET
    public String board() {
        return "{\"id\":\"" + BOARD + "\",\"name\":\"Technical Oversight Committee\",\"kind\":\"TECHNICAL_BOARD\"}";
    }

    @GET
    @Path("/policy")
    public Response policy() {
        return Response.ok(POLICY).tag("7").build();
    }

    @PUT
    @Path("/policy")
    public Response replace(@HeaderParam("If-Match") String ifMatch, String body) {
        RECEIVED.computeIfAbsent("PUT /policy", k -> new CopyOnWriteArrayList<>()).add("If-Match=" + ifMatch + " " + body);
        if (ifMatch == null) {
            return problem(428, "precondition-required", "If-Match is required");
        }
        if (!"\"7\"".equals(ifMatch)) {
            return problem(412, "precondition-failed", "The board has changed: version 7 is current");
        }
        if (body.contains("\"tier\":\"GOLD\",\"perMember\":")) {
            return problem(422, "invalid-policy", "The policy cannot be used: tier GOLD: set either perMember or membersPerSeat");
        }
        return Response.ok(body).tag("8").build();
    }

    private static Response problem(int status, String type, String detail) {
        return Response.status(status).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/" + type
                + "\",\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").build();
    }
}

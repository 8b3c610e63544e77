package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The gateway's API as the tests need it, served by the console under test itself (see %test rest-client url). */
@Path("/api")
@PermitAll
@Produces("application/json")
public class FakeApi {

    @GET
    @Path("/partners/{id}")
    public String partner(@PathParam("id") String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Acme Cloud\",\"lifecycleStatus\":\"ACTIVE\",\"emailDomains\":[],\"companyGroup\":[]}";
    }

    @GET
    @Path("/partners/{id}/affiliations")
    public String affiliations(@PathParam("id") String id) {
        return "{\"items\":[{\"id\":\"5e42c502-077d-4bcf-9454-b627750b3f74\",\"contactId\":\"d0f821f7-3032-35f2-a639-4a68e3ce3201\","
                + "\"contactName\":\"Dmitri Tanaka\",\"partnerId\":\"" + id + "\",\"role\":\"DEVELOPER\",\"startDate\":\"2026-06-01\"}],\"next\":null}";
    }

    @POST
    @Path("/partners/{id}/touchpoints")
    public Response logTouchpoint(String body) {
        return Response.status(400).type("application/problem+json").entity("""
                {"type":"https://trellis.dev/problems/validation","title":"Validation failed","status":400,
                 "detail":"nextSteps[0].owner: must be a staff username","errors":[{"field":"nextSteps[0].owner",
                 "message":"must be a staff username (letters, digits, '.', '_', '@', '-'; at most 100)"}]}""").build();
    }

    // ---- boards, meetings, compliance, what-if, succession, reports, a partner's boards (BoardMeetingPagesTest) ----

    static final String BOARD = "c3c3c3c3-0000-4000-8000-000000000001";
    static final String MEETING = "e1e1e1e1-0000-4000-8000-000000000001";
    /** A meeting that has not started: recording its attendance is refused (409 meeting-not-started). */
    static final String MEETING_NOT_STARTED = "e1e1e1e1-0000-4000-8000-000000000002";
    static final String SEAT_ACME = "5ea70000-0000-4000-8000-000000000001";
    static final String SEAT_BOREALIS = "5ea70000-0000-4000-8000-000000000002";
    static final String PARTNER_A = "a1a1a1a1-0000-4000-8000-000000000001";
    static final String PARTNER_B = "b2b2b2b2-0000-4000-8000-000000000002";
    static final String HOLDER_A = "d0f821f7-3032-35f2-a639-4a68e3ce3201";
    static final String HOLDER_B = "d0f821f7-3032-35f2-a639-4a68e3ce3202";
    /** What the fake received, by route name: the tests assert on the bodies and queries the console sent. */
    static final Map<String, String> RECEIVED = new ConcurrentHashMap<>();

    private static Response problem(int status, String slug, String detail, String field, String message) {
        String errors = field == null ? "[]" : "[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]";
        return Response.status(status).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/" + slug
                + "\",\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"errors\":" + errors + "}").build();
    }

    private static String meetingJson(String id, boolean held) {
        boolean started = !MEETING_NOT_STARTED.equals(id);
        return "{\"id\":\"" + id + "\",\"boardId\":\"" + BOARD + "\",\"title\":\"" + (started ? "Q4 Governing Board meeting" : "Q1 planning")
                + "\",\"startsAt\":\"2026-12-01T17:00:00\",\"timeZone\":\"Europe/Berlin\",\"startsAtUtc\":\"2026-12-01T16:00:00Z\","
                + "\"durationMinutes\":90,\"agenda\":\"1. Budget\",\"minutes\":null,\"quorumMet\":" + (started ? "true" : "null")
                + ",\"held\":" + held + "}";
    }

    @GET
    @Path("/boards/{id}")
    public String board(@PathParam("id") String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Governing Board\",\"kind\":\"GOVERNING_BOARD\"}";
    }

    @GET
    @Path("/boards/{id}/seats")
    public String seats(@PathParam("id") String id) {
        return "{\"items\":[{\"id\":\"" + SEAT_ACME + "\",\"boardId\":\"" + id + "\",\"kind\":\"TIER_APPOINTED\",\"holderContactId\":\""
                + HOLDER_A + "\",\"partnerId\":\"" + PARTNER_A + "\",\"partnerName\":\"Acme Cloud\",\"tierBasis\":\"PLATINUM\","
                + "\"termStart\":\"2025-12-01\",\"status\":\"HELD\",\"votingStatus\":\"VOTING\",\"flags\":[{\"rule\":\"company-group-cap\","
                + "\"reasonCode\":\"GROUP_CAP_EXCEEDED\",\"detail\":\"Acme group holds 2 of 1\"}]},"
                + "{\"id\":\"" + SEAT_BOREALIS + "\",\"boardId\":\"" + id + "\",\"kind\":\"TIER_APPOINTED\",\"holderContactId\":\""
                + HOLDER_B + "\",\"partnerId\":\"" + PARTNER_B + "\",\"partnerName\":\"Borealis Systems\",\"tierBasis\":\"GOLD\","
                + "\"termStart\":\"2025-12-01\",\"status\":\"HELD\",\"votingStatus\":\"SUSPENDED\",\"flags\":[]}],\"next\":null}";
    }

    @GET
    @Path("/boards/{id}/overrides")
    public String overrides() {
        return "{\"items\":[],\"next\":null}";
    }

    @GET
    @Path("/boards/{id}/meetings")
    public String meetings(@PathParam("id") String id) {
        return "{\"items\":[" + meetingJson(MEETING, false) + "," + meetingJson(MEETING_NOT_STARTED, false) + "],\"next\":null}";
    }

    @POST
    @Path("/boards/{id}/meetings")
    public Response schedule(@PathParam("id") String id, String body) {
        RECEIVED.put("schedule", body);
        if (body.contains("\"title\":\"\"")) {
            return problem(400, "validation", "title: must not be blank", "title", "must not be blank");
        }
        return Response.status(201).entity(meetingJson(MEETING, false)).build();
    }

    @GET
    @Path("/boards/{id}/meetings/{meetingId}")
    public String meeting(@PathParam("meetingId") String meetingId) {
        return meetingJson(meetingId, false);
    }

    @GET
    @Path("/boards/{id}/meetings/{meetingId}/attendance")
    public String attendance(@PathParam("meetingId") String meetingId) {
        return "{\"meetingId\":\"" + meetingId + "\",\"quorumMet\":" + (MEETING_NOT_STARTED.equals(meetingId) ? "null" : "true")
                + ",\"votingSeats\":1,\"votingPresent\":1,\"attendance\":["
                + "{\"seatId\":\"" + SEAT_ACME + "\",\"holderContactId\":\"" + HOLDER_A + "\",\"partnerId\":\"" + PARTNER_A
                + "\",\"votingStatus\":\"VOTING\",\"presence\":\"PRESENT\"},"
                + "{\"seatId\":\"" + SEAT_BOREALIS + "\",\"holderContactId\":\"" + HOLDER_B + "\",\"partnerId\":\"" + PARTNER_B
                + "\",\"votingStatus\":\"SUSPENDED\",\"presence\":\"ALTERNATE\"}]}";
    }

    @PUT
    @Path("/boards/{id}/meetings/{meetingId}/attendance")
    public Response recordAttendance(@PathParam("meetingId") String meetingId, String body) {
        RECEIVED.put("attendance", body);
        if (MEETING_NOT_STARTED.equals(meetingId)) {
            return problem(409, "meeting-not-started", "The meeting starts at 2027-01-10T17:00+01:00[Europe/Berlin]; attendance is recorded once it has started",
                    null, null);
        }
        return Response.ok(attendance(meetingId)).build();
    }

    @GET
    @Path("/boards/{id}/meetings/{meetingId}/resolutions")
    public String resolutions(@PathParam("meetingId") String meetingId) {
        return "{\"items\":[{\"id\":\"7e570000-0000-4000-8000-000000000001\",\"meetingId\":\"" + meetingId
                + "\",\"title\":\"Approve the 2027 budget\",\"outcome\":\"ADOPTED\",\"yes\":1,\"no\":0,\"abstentions\":0,"
                + "\"votes\":[{\"seatId\":\"" + SEAT_ACME + "\",\"vote\":\"YES\"}],\"createdAt\":\"2026-12-01T17:30:00Z\"}],\"next\":null}";
    }

    @POST
    @Path("/boards/{id}/meetings/{meetingId}/resolutions")
    public Response resolve(@PathParam("meetingId") String meetingId, String body) {
        RECEIVED.put("resolution", body);
        if (body.contains(SEAT_BOREALIS)) {
            return Response.status(422).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/not-a-voter\","
                    + "\"title\":\"Not a voter\",\"status\":422,\"detail\":\"Seat " + SEAT_BOREALIS + " is not a voting member present\","
                    + "\"rules\":[{\"rule\":\"not-a-voter\",\"detail\":\"Seat " + SEAT_BOREALIS + " is not a voting member present\"}]}").build();
        }
        return Response.status(201).entity("{\"id\":\"7e570000-0000-4000-8000-000000000002\",\"meetingId\":\"" + meetingId
                + "\",\"title\":\"x\",\"outcome\":\"ADOPTED\",\"yes\":1,\"no\":0,\"abstentions\":0,\"votes\":[]}").build();
    }

    @POST
    @Path("/boards/{id}/meetings/{meetingId}/close")
    public String close(@PathParam("meetingId") String meetingId, String body) {
        RECEIVED.put("close", body);
        return meetingJson(meetingId, true);
    }

    @GET
    @Path("/boards/{id}/policy")
    public String policy() {
        return "{\"quorum\":{\"numerator\":2,\"denominator\":3},\"decision\":{\"basis\":\"PRESENT\",\"fraction\":{\"numerator\":1,"
                + "\"denominator\":2},\"strict\":true},\"attendance\":{\"suspendAfterMissed\":3,\"restoreAfterAttended\":2,"
                + "\"alternateCounts\":true},\"caps\":[{\"scope\":\"COMPANY_GROUP\",\"maxSeats\":1}]}";
    }

    @GET
    @Path("/boards/{id}/compliance")
    public String compliance(@PathParam("id") String id, @QueryParam("on") String on) {
        RECEIVED.put("compliance", String.valueOf(on));
        return "{\"boardId\":\"" + id + "\",\"asOf\":\"" + (on == null ? "2026-12-02" : on) + "\",\"tiers\":[{\"tier\":\"PLATINUM\","
                + "\"members\":3,\"entitled\":3,\"filled\":2,\"vacancies\":1}],\"seatKinds\":[],\"companies\":[{\"rule\":\"company-group-cap\","
                + "\"companyId\":\"" + PARTNER_A + "\",\"companyName\":\"Acme Cloud\",\"held\":2,\"limit\":1,\"overCap\":true}],"
                + "\"termsEndingSoon\":[],\"membershipNotCurrent\":[],\"holderChangedEmployer\":[],\"votingSuspended\":[{\"seatId\":\""
                + SEAT_BOREALIS + "\",\"kind\":\"TIER_APPOINTED\",\"holderContactId\":\"" + HOLDER_A + "\",\"partnerId\":\"" + PARTNER_B
                + "\",\"partnerName\":\"Borealis Systems\",\"termEnd\":null}]}";
    }

    @POST
    @Path("/boards/what-if")
    public String whatIf(String body) {
        RECEIVED.put("what-if", body);
        return "{\"asOf\":\"2026-12-02\",\"boards\":[{\"boardId\":\"" + BOARD + "\",\"boardName\":\"Governing Board\",\"affected\":true,"
                + "\"findings\":[{\"seatId\":\"" + SEAT_ACME + "\",\"rule\":\"company-group-cap\",\"reasonCode\":\"GROUP_CAP_EXCEEDED\","
                + "\"detail\":\"The Acme Cloud group would hold 2 seats; the cap is 1\",\"isNew\":true}]},"
                + "{\"boardId\":\"c3c3c3c3-0000-4000-8000-000000000002\",\"boardName\":\"Technical Oversight Committee\",\"affected\":false,"
                + "\"findings\":[]}]}";
    }

    @GET
    @Path("/boards/{id}/succession")
    public Response succession(@PathParam("id") String id, @QueryParam("within") String within) {
        RECEIVED.put("succession", String.valueOf(within));
        if ("P5Y".equals(within)) {
            return problem(400, "validation", "within: must be a period from P1D to P2Y", "within", "must be a period from P1D to P2Y");
        }
        return Response.ok("{\"boardId\":\"" + id + "\",\"boardName\":\"Governing Board\",\"from\":\"2026-12-02\",\"to\":\"2027-03-02\","
                + "\"openings\":[{\"seatId\":\"" + SEAT_ACME + "\",\"kind\":\"TIER_APPOINTED\",\"partnerId\":\"" + PARTNER_A
                + "\",\"partnerName\":\"Acme Cloud\",\"holderContactId\":\"" + HOLDER_B + "\",\"opensOn\":\"2027-01-01\",\"eligible\":[\""
                + HOLDER_A + "\"],\"excluded\":[{\"contactId\":\"" + HOLDER_B + "\",\"rules\":[{\"rule\":\"holder-already-seated\","
                + "\"detail\":\"already holds a seat on this board\"}]}]}]}").build();
    }

    @GET
    @Path("/partners")
    public String partners() {
        return "{\"items\":[{\"id\":\"" + PARTNER_A + "\",\"name\":\"Acme Cloud\",\"lifecycleStatus\":\"ACTIVE\"},"
                + "{\"id\":\"" + PARTNER_B + "\",\"name\":\"Borealis Systems\",\"lifecycleStatus\":\"ACTIVE\"}],\"next\":null}";
    }

    @GET
    @Path("/board-compositions")
    public String compositions() {
        return "{\"items\":[{\"boardId\":\"" + BOARD + "\",\"name\":\"Governing Board\",\"kind\":\"GOVERNING_BOARD\",\"companies\":[{"
                + "\"partnerId\":\"" + PARTNER_A + "\",\"name\":\"Acme Cloud\",\"seats\":1}]}],\"next\":null}";
    }

    @GET
    @Path("/partners/me/contacts")
    public String ownContacts() {
        return "{\"items\":[{\"id\":\"" + HOLDER_A + "\",\"firstName\":\"Dmitri\",\"lastName\":\"Tanaka\",\"email\":\"dmitri@acme.example\"}],"
                + "\"next\":null}";
    }

    @GET
    @Path("/insights/level-playing-field")
    public Response levelPlayingField(@QueryParam("months") Integer months) {
        RECEIVED.put("level-playing-field", String.valueOf(months));
        if (months != null && (months < 1 || months > 60)) {
            return problem(400, "validation", "months: must be between 1 and 60", "months", "must be between 1 and 60");
        }
        String seats = "{\"boardId\":\"" + BOARD + "\",\"name\":\"Governing Board\",\"total\":3,\"elephantFactor\":2,\"hhi\":3333,"
                + "\"band\":\"HIGH\",\"groups\":[{\"groupId\":\"" + PARTNER_A + "\",\"groupName\":\"Acme Cloud\",\"count\":1,"
                + "\"sharePercent\":33.3,\"cap\":1,\"nearCap\":true,\"overCap\":false},{\"groupId\":\"" + PARTNER_B
                + "\",\"groupName\":\"Borealis Systems\",\"count\":2,\"sharePercent\":66.7,\"cap\":1,\"nearCap\":false,\"overCap\":true}],"
                + "\"trend\":[{\"month\":\"2026-11-01\",\"total\":4,\"elephantFactor\":2,\"hhi\":2500},{\"month\":\"2026-12-01\","
                + "\"total\":3,\"elephantFactor\":2,\"hhi\":3333}]}";
        String sponsorship = "{\"name\":\"Sponsorships\",\"total\":2,\"elephantFactor\":1,\"hhi\":5000,\"band\":\"HIGH\",\"groups\":["
                + "{\"groupId\":\"" + PARTNER_A + "\",\"groupName\":\"Acme Cloud\",\"count\":1,\"sharePercent\":50.0}],\"trend\":[]}";
        return Response.ok("{\"asOf\":\"2026-12-02\",\"boards\":[" + seats + "],\"sponsorship\":" + sponsorship
                + ",\"attendance\":{\"name\":\"Attendance\",\"total\":0,\"elephantFactor\":0,\"hhi\":0,\"band\":\"LOW\",\"groups\":[],"
                + "\"trend\":[]}}").build();
    }

    @GET
    @Path("/insights/partners/me/value")
    public Response ownValue(@QueryParam("from") String from, @QueryParam("to") String to) {
        RECEIVED.put("value", from + ".." + to);
        if (from != null && to != null && to.compareTo(from) < 0) {
            return problem(400, "validation", "to: must not be before from", "to", "must not be before from");
        }
        return Response.ok("{\"partnerId\":\"" + PARTNER_A + "\",\"partnerName\":\"Acme Cloud\",\"from\":\"" + (from == null ? "2025-12-03" : from)
                + "\",\"to\":\"" + (to == null ? "2026-12-02" : to) + "\",\"seats\":[{\"boardId\":\"" + BOARD + "\",\"seatId\":\"" + SEAT_ACME
                + "\",\"kind\":\"TIER_APPOINTED\",\"termStart\":\"2025-12-01\"}],\"meetingsRepresented\":4,\"meetingsMissed\":1,"
                + "\"registrations\":7,\"eventsAttended\":5,\"noShows\":2,\"sponsorships\":[],\"touchpoints\":[{\"on\":\"2026-10-01\","
                + "\"type\":\"QBR\"}]}").build();
    }
}

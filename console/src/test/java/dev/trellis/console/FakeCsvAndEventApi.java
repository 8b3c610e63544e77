package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API routes of {@link CsvDownloadsTest} and {@link TeamRegistrationAndOrganiserPagesTest}: CSV exports of lists, an
 * event the team registers a known contact for, and a user group with organisers. Each resource answers only its own
 * ids (a path pattern), so {@link FakeApi} keeps every other id. What the console sent is kept in {@link #RECEIVED}.
 */
final class FakeCsvAndEventApi {

    static final String EVENT = "e5e5e5e5-0000-4000-8000-000000000001";
    /** An event the API does not know: its CSV is a 404 problem. */
    static final String EVENT_GONE = "e5e5e5e5-0000-4000-8000-000000000404";
    static final String REGISTRATION = "e5e5e5e5-0000-4000-8000-00000000a001";
    static final String PARTNER = "7a0a7a0a-0000-4000-8000-000000000001";
    static final String BOARD = "5b0a5b0a-0000-4000-8000-000000000001";
    static final String GROUP = "9a9a9a9a-0000-4000-8000-000000000001";
    /** Ada Lovelace, a contact with an address. */
    static final String CONTACT = "c5c5c5c5-0000-4000-8000-000000000001";
    /** Grace Hopper: registered for the event already; the group's organisers refuse her. */
    static final String REFUSED = "c5c5c5c5-0000-4000-8000-000000000002";
    /** Dmitri Tanaka, whom FakeApi's contact list names: the group's organiser. */
    static final String ORGANISER = FakeApi.HOLDER_A;
    /** A cell the API neutralised (platform CsvTable prefixes formulas with '). */
    static final String CSV_BODY = "id,name,email,status\r\n" + REGISTRATION + ",'=HYPERLINK(\"https://evil.example\"),"
            + "ada@analytical.example,WAITLISTED\r\n";

    /** By route: the Accept header and the query the console sent, or the body (and If-Match) of a change. */
    static final Map<String, String> RECEIVED = new ConcurrentHashMap<>();

    private FakeCsvAndEventApi() {
    }

    /** The query sent, sorted by name, as {@code a=1&b=2}. */
    static String query(UriInfo uri) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(uri.getQueryParameters()).forEach((k, vs) -> vs.forEach(v -> out.append(out.length() == 0 ? "" : "&")
                .append(k).append('=').append(v)));
        return out.toString();
    }

    static Response csv(String route, String accept, UriInfo uri, String file, String body) {
        RECEIVED.put(route, "Accept=" + accept + " " + query(uri));
        return Response.ok(body, "text/csv; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    static Response problem(int status, String slug, String detail, String rules, String errors) {
        return Response.status(status).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/" + slug
                + "\",\"title\":\"" + slug + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"rules\":" + rules
                + ",\"errors\":" + errors + "}").build();
    }

    private static String contactJson(String id, String first, String last, String email) {
        return "{\"id\":\"" + id + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email + "\","
                + "\"currentAffiliations\":[{\"id\":\"aaaaaaaa-0000-4000-8000-0000000000c5\",\"contactId\":\"" + id
                + "\",\"partnerId\":\"" + PARTNER + "\",\"partnerName\":\"Analytical Engines\",\"role\":\"DEVELOPER\","
                + "\"startDate\":\"2025-01-01\"}]}";
    }

    /** {@code GET /api/contacts?q=} (FakeApi's contact list hands a search over): the contacts picker. */
    static String contactSearch(String q) {
        RECEIVED.put("GET /contacts?q", q);
        String all = contactJson(CONTACT, "Ada", "Lovelace", "ada@analytical.example") + ","
                + contactJson(REFUSED, "Grace", "Hopper", "grace@analytical.example");
        return "{\"items\":[" + ("nobody".equals(q) ? "" : all) + "],\"next\":null}";
    }

    /** {@code GET /api/contacts} with {@code Accept: text/csv} (FakeApi's contact list hands it over). */
    static Response contactsCsv(String accept, UriInfo uri) {
        return csv("GET /contacts as CSV", accept, uri, "contacts-2026-12-02.csv",
                "id,firstName,lastName\r\n" + CONTACT + ",Ada,Lovelace\r\n");
    }

    /** The event of the contact registration: published, one seat, taken. */
    @Path("/api/events/{id: e5e5e5e5-[-0-9a-f]+}")
    @PermitAll
    @Produces("application/json")
    public static class Events {

        @GET
        public Response event(@PathParam("id") String id) {
            if (EVENT_GONE.equals(id)) {
                return problem(404, "not-found", "No such event", "[]", "[]");
            }
            return Response.ok("{\"id\":\"" + id + "\",\"kind\":\"MEETUP\",\"title\":\"Analytical meetup\","
                    + "\"startsAt\":\"2027-03-18T16:00:00Z\",\"endsAt\":\"2027-03-18T19:00:00Z\",\"timeZone\":\"Europe/London\","
                    + "\"venue\":\"Babbage Hall\",\"capacity\":1,\"status\":\"PUBLISHED\"}").tag(new EntityTag("2")).build();
        }

        @GET
        @Path("/registrations")
        public String registrations(@PathParam("id") String id) {
            return "{\"items\":[{\"id\":\"e5e5e5e5-0000-4000-8000-00000000a000\",\"eventId\":\"" + id + "\",\"name\":\"Charles Seated\","
                    + "\"email\":\"charles@analytical.example\",\"status\":\"REGISTERED\"}],\"next\":null}";
        }

        @GET
        @Path("/registrations")
        @Produces("text/csv")
        public Response registrationsCsv(@PathParam("id") String id, @HeaderParam("Accept") String accept, @Context UriInfo uri) {
            if (EVENT_GONE.equals(id)) {
                RECEIVED.put("GET registrations as CSV", "Accept=" + accept + " " + query(uri));
                return problem(404, "not-found", "No such event", "[]", "[]");
            }
            return csv("GET registrations as CSV", accept, uri, "registrations-2026-12-02.csv", CSV_BODY);
        }

        @GET
        @Path("/registrations/{registrationId}")
        public String registration(@PathParam("id") String id, @PathParam("registrationId") String registrationId) {
            return "{\"id\":\"" + registrationId + "\",\"eventId\":\"" + id + "\",\"contactId\":\"" + CONTACT
                    + "\",\"name\":\"Ada Lovelace\",\"email\":\"ada@analytical.example\",\"status\":\"WAITLISTED\"}";
        }

        @POST
        @Path("/registrations")
        @Consumes("application/json")
        public Response register(@PathParam("id") String id, String body) {
            RECEIVED.put("POST registrations", body);
            if (body.contains(REFUSED)) {
                return problem(409, "already-registered", "This contact is registered for this event already", "[]", "[]");
            }
            return Response.status(201).entity("{\"id\":\"" + REGISTRATION + "\",\"eventId\":\"" + id + "\",\"contactId\":\""
                    + CONTACT + "\",\"name\":\"Ada Lovelace\",\"status\":\"WAITLISTED\",\"cancelToken\":\"secret\"}").build();
        }

        @GET
        @Path("/sponsorships")
        public String sponsorships() {
            return "{\"items\":[],\"next\":null}";
        }
    }

    /** The contacts the registration reads (name and address on record). */
    @Path("/api/contacts/{id: c5c5c5c5-[-0-9a-f]+}")
    @PermitAll
    @Produces("application/json")
    public static class Contacts {

        @GET
        public Response contact(@PathParam("id") String id) {
            String json = CONTACT.equals(id) ? contactJson(id, "Ada", "Lovelace", "ada@analytical.example")
                    : contactJson(id, "Grace", "Hopper", "grace@analytical.example");
            return Response.ok(json).tag(new EntityTag("1")).build();
        }
    }

    /** A partner whose touchpoints are downloaded with filters. */
    @Path("/api/partners/{id: 7a0a7a0a-[-0-9a-f]+}")
    @PermitAll
    public static class Partners {

        @GET
        @Path("/touchpoints")
        @Produces("text/csv")
        public Response touchpointsCsv(@HeaderParam("Accept") String accept, @Context UriInfo uri) {
            return csv("GET touchpoints as CSV", accept, uri, "touchpoints-2026-12-02.csv", "id,type\r\n1,CALL\r\n");
        }
    }

    /** A board whose seats are downloaded. */
    @Path("/api/boards/{id: 5b0a5b0a-[-0-9a-f]+}")
    @PermitAll
    public static class Boards {

        @GET
        @Path("/seats")
        @Produces("text/csv")
        public Response seatsCsv(@HeaderParam("Accept") String accept, @Context UriInfo uri) {
            return csv("GET seats as CSV", accept, uri, "seats-2026-12-02.csv", "id,status\r\n1,HELD\r\n");
        }
    }

    /** A user group organised by Dmitri Tanaka, at version 4. */
    @Path("/api/user-groups/{id: 9a9a9a9a-[-0-9a-f]+}")
    @PermitAll
    @Produces("application/json")
    public static class UserGroups {

        @GET
        public Response group(@PathParam("id") String id) {
            return Response.ok("{\"id\":\"" + id + "\",\"name\":\"London Analytical Engines\",\"city\":\"London\",\"country\":\"GB\","
                    + "\"organiserIds\":[\"" + ORGANISER + "\"],\"organisers\":[{\"contactId\":\"" + ORGANISER + "\",\"partnerId\":\""
                    + FakeApi.PARTNER_A + "\",\"partnerName\":\"Acme Cloud\"}],\"meetupsHeld\":4,\"lastMeetupAt\":\"2026-11-20T18:00:00Z\","
                    + "\"health\":\"ACTIVE\",\"eligible\":true,\"meetups\":[{\"id\":\"" + EVENT + "\",\"title\":\"Analytical meetup\","
                    + "\"startsAt\":\"2027-03-18T16:00:00Z\",\"timeZone\":\"Europe/London\",\"status\":\"PUBLISHED\"}]}")
                    .tag(new EntityTag("4")).build();
        }

        @PATCH
        @Consumes("application/merge-patch+json")
        public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
            RECEIVED.put("PATCH user group", "If-Match=" + ifMatch + " " + body);
            if (!"\"4\"".equals(ifMatch)) {
                return problem(412, "precondition-failed", "If-Match names an older version", "[]", "[]");
            }
            if (body.contains(REFUSED)) {
                return problem(400, "validation", "organiserIds: size must be between 0 and 20", "[]",
                        "[{\"field\":\"organiserIds\",\"message\":\"size must be between 0 and 20\"}]");
            }
            return group(id);
        }
    }

    /** The team's home page: one open next step, nobody at risk. */
    @Path("/api/touchpoints/next-steps")
    @PermitAll
    @Produces("application/json")
    public static class NextSteps {

        @GET
        public String open() {
            return "{\"items\":[{\"id\":\"4e4e4e4e-0000-4000-8000-000000000001\",\"partnerId\":\"" + PARTNER
                    + "\",\"partnerName\":\"Analytical Engines\",\"description\":\"Send the seat policy\",\"owner\":\"cora\","
                    + "\"dueOn\":\"2027-01-10\",\"done\":false,\"overdue\":false,\"version\":1}],\"next\":null}";
        }
    }

    @Path("/api/insights/at-risk")
    @PermitAll
    @Produces("application/json")
    public static class AtRisk {

        @GET
        public String none() {
            return "{\"items\":[],\"next\":null}";
        }
    }
}

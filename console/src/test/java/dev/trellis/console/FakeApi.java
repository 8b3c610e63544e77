package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

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

    /** The partner page's one call to partner-service: the same parts the single routes answer. */
    @GET
    @Path("/partners/{id}/overview")
    public String overview(@PathParam("id") String id, @QueryParam("affiliations") String affiliations,
            @QueryParam("touchpoints") String touchpoints) {
        OVERVIEW_ASKED.add(id + " affiliations=" + affiliations + " touchpoints=" + touchpoints);
        java.time.LocalDate today = java.time.LocalDate.now();
        if (ADMIN_PARTNER.equals(id)) {
            return "{\"profile\":" + adminPartnerJson("Zephyr Wind") + ",\"affiliations\":" + ADMIN_AFFILIATIONS
                    + ",\"membership\":" + adminMembership().getEntity() + ",\"keyContacts\":[],\"touchpoints\":{\"items\":[],\"next\":null}}";
        }
        return "{\"profile\":" + partner(id) + ",\"affiliations\":" + affiliations(id) + ",\"membership\":{\"id\":"
                + "\"7a7a7a7a-0000-4000-8000-000000000007\",\"partnerId\":\"" + id + "\",\"tier\":\"GOLD\",\"termStart\":\""
                + today.minusDays(100) + "\",\"termEnd\":\"" + today.plusDays(265) + "\",\"autoRenew\":true,\"graceDays\":30,"
                + "\"status\":\"CURRENT\",\"asOf\":\"" + today + "\"},\"keyContacts\":[],\"touchpoints\":{\"items\":[{\"id\":"
                + "\"7c7c7c7c-0000-4000-8000-000000000001\",\"partnerId\":\"" + id + "\",\"partnerName\":\"Acme Cloud\","
                + "\"occurredOn\":\"" + today.minusDays(3) + "\",\"type\":\"MEETING\",\"summary\":\"Quarterly review\","
                + "\"notes\":\"Wants a second seat\",\"executive\":false,\"attendeeContacts\":[],\"attendeeStaff\":[\"cora\"],"
                + "\"nextSteps\":[]}],\"next\":null}}";
    }

    static final java.util.List<String> OVERVIEW_ASKED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The partner page's one call to insights-service: a health with a reason and one timeline line. */
    @GET
    @Path("/insights/partners/{id}/overview")
    public String insightsOverview(@PathParam("id") String id, @QueryParam("days") String days, @QueryParam("kind") String kind) {
        OVERVIEW_ASKED.add("insights " + id + " days=" + days + " kind=" + kind);
        return "{\"health\":{\"partnerId\":\"" + id + "\",\"score\":42,\"reasons\":[{\"code\":\"NO_EXECUTIVE_TOUCHPOINT\","
                + "\"observation\":\"No executive touchpoint for 120 days\",\"cost\":20,\"action\":\"Book an executive call\"}],"
                + "\"computedAt\":\"2026-12-01T09:00:00Z\",\"trend\":[]},\"timeline\":{\"items\":[{\"id\":\"t1\","
                + "\"occurredAt\":\"2026-11-28T10:00:00Z\",\"kind\":\"REGISTRATION\",\"summary\":\"Registered for KubeDay\","
                + "\"executive\":false}],\"next\":null}}";
    }

    /** Names by contact id (partner-service's GET /api/contacts?id=…): who the board pages name. */
    @GET
    @Path("/contacts")
    public String contactsById(@QueryParam("id") java.util.List<String> ids, @QueryParam("q") String q) {
        if (q != null) {
            return FakeCsvAndEventApi.contactSearch(q);
        }
        CONTACTS_ASKED.add(String.join(",", ids));
        Map<String, String[]> known = Map.of("d0f821f7-3032-35f2-a639-4a68e3ce3201", new String[] {"Dmitri", "Tanaka"},
                "d0f821f7-3032-35f2-a639-4a68e3ce3202", new String[] {"Ilse", "Berg"}, ADMIN_CONTACT, new String[] {"Ngozi", "Okafor"});
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            String[] name = known.get(id);
            if (name != null) {
                items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"firstName\":\"")
                        .append(name[0]).append("\",\"lastName\":\"").append(name[1]).append("\"}");
            }
        }
        return "{\"items\":[" + items + "],\"next\":null}";
    }

    @GET
    @Path("/contacts")
    @Produces("text/csv")
    public Response contactsCsv(@jakarta.ws.rs.HeaderParam("Accept") String accept, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        return FakeCsvAndEventApi.contactsCsv(accept, uri);
    }

    static final java.util.List<String> CONTACTS_ASKED = new java.util.concurrent.CopyOnWriteArrayList<>();

    // ---- partners, contacts and memberships (PartnerAdminPagesTest): what the console sent, by "METHOD path"

    static final String ADMIN_PARTNER = "c0ffee00-0000-4000-8000-00000000c0de";
    static final String ADMIN_CONTACT = "c0ffee00-0000-4000-8000-0000000c0a7c";
    static final String ADMIN_OTHER = "b2b2b2b2-0000-4000-8000-000000000002";
    static final java.util.Map<String, java.util.List<String>> ADMIN_RECEIVED = new java.util.concurrent.ConcurrentHashMap<>();

    private static void adminRecord(String route, String ifMatch, String body) {
        ADMIN_RECEIVED.computeIfAbsent(route, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add("If-Match=" + ifMatch + " " + body);
    }

    private static Response adminProblem(int status, String type, String detail, String field, String message) {
        String errors = field == null ? "[]" : "[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]";
        return Response.status(status).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/" + type
                + "\",\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"errors\":" + errors + "}").build();
    }

    private static String adminPartnerJson(String name) {
        return "{\"id\":\"" + ADMIN_PARTNER + "\",\"name\":\"" + name + "\",\"website\":\"https://zephyr.example\","
                + "\"emailDomains\":[\"zephyr.example\"],\"description\":\"Wind power\",\"country\":\"DK\","
                + "\"lifecycleStatus\":\"PROSPECT\",\"companyGroup\":[]}";
    }

    @GET
    @Path("/partners")
    public String adminPartners(@jakarta.ws.rs.QueryParam("q") String q, @jakarta.ws.rs.QueryParam("membershipStatus") String status) {
        adminRecord("GET /partners", null, "q=" + q + " membershipStatus=" + status);
        return "{\"items\":[" + adminPartnerJson("Zephyr Wind").replace(",\"companyGroup\":[]", "")
                + ",{\"id\":\"" + ADMIN_OTHER + "\",\"name\":\"Borealis Systems\",\"emailDomains\":[\"borealis-systems.example\"],"
                + "\"lifecycleStatus\":\"ACTIVE\"},"
                // and Acme Cloud (BoardMeetingPagesTest's what-if)
                + "{\"id\":\"" + PARTNER_A + "\",\"name\":\"Acme Cloud\",\"emailDomains\":[],\"lifecycleStatus\":\"ACTIVE\"}],\"next\":null}";
    }

    /** The partner list as CSV (Accept: text/csv), as partner-service answers it. */
    @GET
    @Path("/partners")
    @jakarta.ws.rs.Produces("text/csv")
    public Response adminPartnersCsv(@jakarta.ws.rs.QueryParam("q") String q, @jakarta.ws.rs.QueryParam("tier") String tier) {
        adminRecord("GET /partners as CSV", null, "q=" + q + " tier=" + tier);
        return Response.ok("id,name\r\n" + ADMIN_PARTNER + ",Zephyr Wind\r\n", "text/csv; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"partners-2026-12-02.csv\"").build();
    }

    @POST
    @Path("/partners")
    public Response adminCreatePartner(String body) {
        adminRecord("POST /partners", null, body);
        if (body.contains("taken.example")) {
            return adminProblem(409, "domain-taken", "These email domains belong to another partner already: [taken.example]", null, null);
        }
        return Response.status(201).entity(adminPartnerJson("Zephyr Wind")).build();
    }

    @GET
    @Path("/partners/" + ADMIN_PARTNER)
    public Response adminPartner() {
        return Response.ok(adminPartnerJson("Zephyr Wind")).tag("4").build();
    }

    @jakarta.ws.rs.PATCH
    @Path("/partners/" + ADMIN_PARTNER)
    public Response adminChangePartner(@jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        adminRecord("PATCH /partners/" + ADMIN_PARTNER, ifMatch, body);
        if (body.contains("Stale")) {
            return adminProblem(412, "stale", "The partner changed since it was read", null, null);
        }
        if (body.contains("not-a-url")) {
            return adminProblem(400, "validation", "website: must be a public http(s) URL", "website", "must be a public http(s) URL");
        }
        return Response.ok(adminPartnerJson("Zephyr Wind")).tag("5").build();
    }

    @GET
    @Path("/partners/" + ADMIN_PARTNER + "/membership")
    public Response adminMembership() {
        java.time.LocalDate today = java.time.LocalDate.now();
        return Response.ok("{\"id\":\"7a7a7a7a-0000-4000-8000-000000000007\",\"partnerId\":\"" + ADMIN_PARTNER + "\",\"tier\":\"SILVER\","
                + "\"pendingTierChange\":{\"tier\":\"GOLD\",\"effectiveDate\":\"" + today.plusDays(20) + "\"},\"termStart\":\""
                + today.minusDays(300) + "\",\"termEnd\":\"" + today.plusDays(30) + "\",\"autoRenew\":false,\"graceDays\":30,"
                + "\"status\":\"CURRENT\",\"asOf\":\"" + today + "\"}").tag("7").build();
    }

    @GET
    @Path("/partners/" + ADMIN_PARTNER + "/membership/history")
    public String adminMembershipHistory() {
        return "{\"items\":[{\"id\":\"8b8b8b8b-0000-4000-8000-000000000008\",\"kind\":\"STARTED\",\"tier\":\"SILVER\","
                + "\"status\":\"NEW\",\"termStart\":\"2026-01-01\",\"termEnd\":\"2026-12-31\",\"recordedBy\":\"felix\","
                + "\"recordedAt\":\"2026-01-01T09:00:00Z\"}],\"next\":null}";
    }

    @GET
    @Path("/partners/" + ADMIN_PARTNER + "/affiliations")
    public String adminAffiliations(@jakarta.ws.rs.QueryParam("current") String current) {
        adminRecord("GET affiliations", null, "current=" + current);
        return ADMIN_AFFILIATIONS;
    }

    private static final String ADMIN_AFFILIATIONS = "{\"items\":[{\"id\":\"bbbbbbbb-0000-4000-8000-00000000000b\",\"contactId\":\""
            + ADMIN_CONTACT + "\",\"contactName\":\"Ngozi Okafor\",\"partnerId\":\"" + ADMIN_PARTNER + "\",\"role\":\"TECHNICAL_LEAD\","
            + "\"startDate\":\"2025-03-01\",\"endDate\":\"2026-10-31\"}],\"next\":null}";

    @GET
    @Path("/partners/" + ADMIN_PARTNER + "/membership/key-contacts")
    public String adminKeyContacts() {
        return "{\"items\":[],\"next\":null}";
    }

    @GET
    @Path("/partners/" + ADMIN_PARTNER + "/touchpoints")
    public String adminTouchpoints() {
        return "{\"items\":[],\"next\":null}";
    }

    @GET
    @Path("/insights/partners/" + ADMIN_PARTNER + "/timeline")
    public String adminTimeline() {
        return "{\"items\":[],\"next\":null}";
    }

    @POST
    @Path("/partners/" + ADMIN_PARTNER + "/membership/renewals")
    public Response adminRenew(@jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        adminRecord("POST renewals", ifMatch, body);
        if (body.contains("121")) {
            return adminProblem(400, "validation", "months: must be less than or equal to 120", "months", "must be less than or equal to 120");
        }
        return adminMembership();
    }

    @POST
    @Path("/partners/" + ADMIN_PARTNER + "/membership/tier-changes")
    public Response adminChangeTier(@jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        adminRecord("POST tier-changes", ifMatch, body);
        if (body.contains("2020-")) {
            return adminProblem(409, "membership-state", "A tier change needs a live membership", null, null);
        }
        return adminMembership();
    }

    @jakarta.ws.rs.PUT
    @Path("/partners/" + ADMIN_PARTNER + "/membership")
    public Response adminStart(@jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        adminRecord("PUT membership", ifMatch, body);
        return adminProblem(409, "membership-active", "The membership has not expired: renew or end it instead", null, null);
    }

    @POST
    @Path("/partners/" + ADMIN_PARTNER + "/membership/end")
    public Response adminEnd(@jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        adminRecord("POST end", ifMatch, body);
        return adminProblem(412, "stale", "The membership changed since it was read", null, null);
    }

    private static String adminContactJson(String first) {
        return "{\"id\":\"" + ADMIN_CONTACT + "\",\"firstName\":\"" + first + "\",\"lastName\":\"Okafor\",\"email\":\"ngozi@zephyr.example\","
                + "\"currentAffiliations\":[{\"id\":\"aaaaaaaa-0000-4000-8000-00000000000a\",\"contactId\":\"" + ADMIN_CONTACT
                + "\",\"partnerId\":\"" + ADMIN_OTHER + "\",\"partnerName\":\"Borealis Systems\",\"role\":\"EXECUTIVE_SPONSOR\","
                + "\"startDate\":\"2026-11-01\",\"source\":\"MANUAL\"}],"
                + "\"pastAffiliations\":[{\"id\":\"bbbbbbbb-0000-4000-8000-00000000000b\",\"contactId\":\"" + ADMIN_CONTACT
                + "\",\"partnerId\":\"" + ADMIN_PARTNER + "\",\"partnerName\":\"Zephyr Wind\",\"role\":\"TECHNICAL_LEAD\","
                + "\"startDate\":\"2025-03-01\",\"endDate\":\"2026-10-31\",\"source\":\"MANUAL\"}]}";
    }

    @POST
    @Path("/contacts")
    public Response adminCreateContact(String body) {
        adminRecord("POST /contacts", null, body);
        if (body.contains("taken@")) {
            return adminProblem(409, "duplicate-email", "Another contact already has this email address", null, null);
        }
        return Response.status(201).entity(adminContactJson("Ngozi")).tag("1").build();
    }

    @GET
    @Path("/contacts/" + ADMIN_CONTACT)
    public Response adminContact() {
        return Response.ok(adminContactJson("Ngozi")).tag("3").build();
    }

    @jakarta.ws.rs.PATCH
    @Path("/contacts/" + ADMIN_CONTACT)
    public Response adminChangeContact(@jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        adminRecord("PATCH /contacts", ifMatch, body);
        if (body.contains("Stale")) {
            return adminProblem(412, "stale", "The contact changed since it was read", null, null);
        }
        return Response.ok(adminContactJson("Ngozi")).tag("4").build();
    }

    @POST
    @Path("/contacts/" + ADMIN_CONTACT + "/affiliations")
    public Response adminStartAffiliation(String body) {
        adminRecord("POST affiliations", null, body);
        return Response.status(201).entity("{\"id\":\"cccccccc-0000-4000-8000-00000000000c\",\"contactId\":\"" + ADMIN_CONTACT
                + "\",\"partnerId\":\"" + ADMIN_PARTNER + "\",\"role\":\"TECHNICAL_LEAD\",\"startDate\":\"2025-03-01\"}").build();
    }

    @POST
    @Path("/contacts/" + ADMIN_CONTACT + "/moves")
    public Response adminMove(String body) {
        adminRecord("POST moves", null, body);
        if (body.contains("2020-")) {
            return adminProblem(400, "validation", "date: an open affiliation starts on or after the move date", "date",
                    "an open affiliation starts on or after the move date");
        }
        return Response.status(201).entity("{\"ended\":[],\"started\":{\"id\":\"aaaaaaaa-0000-4000-8000-00000000000a\","
                + "\"contactId\":\"" + ADMIN_CONTACT + "\",\"partnerId\":\"" + ADMIN_OTHER + "\",\"role\":\"EXECUTIVE_SPONSOR\","
                + "\"startDate\":\"2026-11-01\"}}").build();
    }

    @GET
    @Path("/partners/me")
    public Response adminOwnOrganisation() {
        java.time.LocalDate today = java.time.LocalDate.now();
        return Response.ok("{\"profile\":" + adminPartnerJson("Zephyr Wind") + ",\"membership\":{\"tier\":\"SILVER\","
                + "\"pendingTierChange\":{\"tier\":\"GOLD\",\"effectiveDate\":\"" + today.plusDays(20) + "\"},\"termStart\":\"2026-01-01\","
                + "\"termEnd\":\"2027-01-31\",\"autoRenew\":false,\"status\":\"CURRENT\"},\"keyContacts\":[]}").tag("4").build();
    }

    @GET
    @Path("/partners/me/contacts")
    public String adminOwnContacts() {
        return "{\"items\":[{\"id\":\"" + ADMIN_CONTACT + "\",\"firstName\":\"Ngozi\",\"lastName\":\"Okafor\","
                + "\"email\":\"ngozi@zephyr.example\",\"jobTitle\":\"CTO\",\"roles\":[{\"role\":\"TECHNICAL_LEAD\",\"startDate\":\"2025-03-01\"},"
                + "{\"role\":\"VOTING_CONTACT\",\"startDate\":\"2026-02-01\"}]},"
                // and the one EventAdminPagesTest registers
                + "{\"id\":\"" + EV_CONTACT + "\",\"firstName\":\"Ada\",\"lastName\":\"Okafor\","
                + "\"email\":\"ada.okafor@acme-cloud.example\"},"
                // and BoardMeetingPagesTest's seat holder
                + "{\"id\":\"" + HOLDER_A + "\",\"firstName\":\"Dmitri\",\"lastName\":\"Tanaka\",\"email\":\"dmitri@acme.example\"}],\"next\":null}";
    }

    @GET
    @Path("/board-compositions")
    public String adminCompositions() {
        // A board where Acme holds a seat (EventAdminPagesTest's private calendar feeds)
        return "{\"items\":[{\"boardId\":\"" + EV_BOARD + "\",\"name\":\"Governing Board\",\"kind\":\"GOVERNING_BOARD\","
                + "\"companies\":[{\"partnerId\":\"a1a1a1a1-0000-4000-8000-000000000001\",\"name\":\"Acme Cloud\",\"seats\":1}]},"
                // and BoardMeetingPagesTest's board
                + "{\"boardId\":\"" + BOARD + "\",\"name\":\"Governing Board\",\"kind\":\"GOVERNING_BOARD\",\"companies\":[{"
                + "\"partnerId\":\"" + PARTNER_A + "\",\"name\":\"Acme Cloud\",\"seats\":1}]}],\"next\":null}";
    }

    // ---- events, registrations, sponsorships, user groups, calendar feeds (EventAdminPagesTest) -------------

    /** What the event fakes received, by "METHOD path" (the body) and "METHOD path If-Match" (the header). */
    static final java.util.Map<String, String> EVENTS_RECEIVED = new java.util.concurrent.ConcurrentHashMap<>();

    static final String EV_DRAFT = "e0e0e0e0-0000-4000-8000-000000000001";
    static final String EV_PUBLISHED = "e0e0e0e0-0000-4000-8000-000000000002";
    static final String EV_GROUP = "e7e7e7e7-0000-4000-8000-000000000001";
    static final String EV_REG_SEATED = "f0f0f0f0-0000-4000-8000-000000000001";
    static final String EV_REG_WAITING = "f0f0f0f0-0000-4000-8000-000000000002";
    static final String EV_SPONSORSHIP = "5b5b5b5b-0000-4000-8000-000000000001";
    static final String EV_CONTACT = "c0c0c0c0-0000-4000-8000-000000000001";
    static final String EV_BOARD = "b0b0b0b0-0000-4000-8000-000000000001";
    static final String EV_FEED = "fe0dfe0d-0000-4000-8000-000000000001";
    static final String EV_SECRET = "s3cr3t-feed-address-only-shown-once";

    private static String eventJson(String id) {
        boolean draft = EV_DRAFT.equals(id);
        return "{\"id\":\"" + id + "\",\"kind\":\"MEETUP\",\"title\":\"" + (draft ? "Draft meetup" : "Published meetup")
                + "\",\"startsAt\":\"2027-02-18T14:00:00Z\",\"endsAt\":\"2027-02-18T17:00:00Z\",\"timeZone\":\"Europe/Helsinki\","
                + "\"venue\":\"Maria 01, Helsinki\",\"capacity\":1,\"userGroupId\":\"" + EV_GROUP + "\",\"status\":\""
                + (draft ? "DRAFT" : "PUBLISHED") + "\"}";
    }

    private static Response eventsProblem(int status, String slug, String detail, String rules, String errors) {
        return Response.status(status).type("application/problem+json").entity("{\"type\":\"https://trellis.dev/problems/" + slug
                + "\",\"title\":\"" + slug + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"rules\":" + rules
                + ",\"errors\":" + errors + "}").build();
    }

    @GET
    @Path("/events")
    public String eventsList(@jakarta.ws.rs.QueryParam("to") String to) {
        if (to != null) {
            return "{\"items\":[],\"next\":null}"; // nothing in the past
        }
        return "{\"items\":[" + eventJson(EV_DRAFT) + "," + eventJson(EV_PUBLISHED) + "],\"next\":null}";
    }

    @GET
    @Path("/events/{id}")
    public Response eventsOne(@PathParam("id") String id) {
        return Response.ok(eventJson(id)).tag(new jakarta.ws.rs.core.EntityTag("3")).build();
    }

    @POST
    @Path("/events")
    @jakarta.ws.rs.Consumes("application/json")
    public Response eventsCreate(String body) {
        EVENTS_RECEIVED.put("POST /events", body);
        if (body.contains("Refused title")) {
            return eventsProblem(400, "invalid-request", "endsAt: must be after startsAt", "[]",
                    "[{\"field\":\"endsAt\",\"message\":\"must be after startsAt\"}]");
        }
        return Response.status(201).entity(eventJson(EV_DRAFT)).tag(new jakarta.ws.rs.core.EntityTag("0")).build();
    }

    @jakarta.ws.rs.PATCH
    @Path("/events/{id}")
    @jakarta.ws.rs.Consumes("application/merge-patch+json")
    public Response eventsChange(@PathParam("id") String id, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        EVENTS_RECEIVED.put("PATCH /events/" + id, body);
        EVENTS_RECEIVED.put("PATCH /events/" + id + " If-Match", String.valueOf(ifMatch));
        if ("\"2\"".equals(ifMatch)) {
            return eventsProblem(412, "precondition-failed", "If-Match names an older version", "[]", "[]");
        }
        if (body.contains("\"capacity\":0")) {
            return eventsProblem(422, "capacity-below-registrations", "Capacity 0 is below the 1 seats already taken",
                    "[{\"rule\":\"capacity-below-registrations\",\"detail\":\"Capacity 0 is below the 1 seats already taken\"}]", "[]");
        }
        return Response.ok(eventJson(id)).build();
    }

    @POST
    @Path("/events/{id}/status-changes")
    @jakarta.ws.rs.Consumes("application/json")
    public Response eventsStatus(@PathParam("id") String id, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, String body) {
        EVENTS_RECEIVED.put("POST /events/" + id + "/status-changes", body);
        EVENTS_RECEIVED.put("POST /events/" + id + "/status-changes If-Match", String.valueOf(ifMatch));
        if (EV_PUBLISHED.equals(id) && body.contains("COMPLETED")) {
            return eventsProblem(422, "event-not-started", "An event can be completed once it has started",
                    "[{\"rule\":\"event-not-started\",\"detail\":\"An event can be completed once it has started\"}]", "[]");
        }
        return Response.ok(eventJson(id)).build();
    }

    @GET
    @Path("/events/{id}/registrations")
    public String eventsRegistrations(@PathParam("id") String id) {
        return "{\"items\":[{\"id\":\"" + EV_REG_SEATED + "\",\"eventId\":\"" + id + "\",\"name\":\"Ada Seated\","
                + "\"email\":\"ada@acme-cloud.example\",\"partnerName\":\"Acme Cloud\",\"status\":\"REGISTERED\"},"
                + "{\"id\":\"" + EV_REG_WAITING + "\",\"eventId\":\"" + id + "\",\"name\":\"Ben Waiting\","
                + "\"email\":\"ben@acme-cloud.example\",\"partnerName\":\"Acme Cloud\",\"status\":\"WAITLISTED\"}],\"next\":null}";
    }

    @POST
    @Path("/events/{id}/registrations")
    @jakarta.ws.rs.Consumes("application/json")
    public Response eventsRegister(@PathParam("id") String id, String body) {
        EVENTS_RECEIVED.put("POST /events/" + id + "/registrations", body);
        if (body.contains("wrong@")) {
            return eventsProblem(422, "email-not-the-contacts", "email: must be the contact's address on record in partner-service",
                    "[{\"rule\":\"email-not-the-contacts\",\"detail\":\"email: must be the contact's address on record in partner-service\"}]",
                    "[]");
        }
        return Response.status(201).entity("{\"id\":\"" + EV_REG_WAITING + "\",\"eventId\":\"" + id
                + "\",\"status\":\"WAITLISTED\",\"cancelToken\":\"secret\"}").build();
    }

    @jakarta.ws.rs.DELETE
    @Path("/events/{id}/registrations/{registrationId}")
    public String eventsCancelRegistration(@PathParam("id") String id, @PathParam("registrationId") String registrationId) {
        EVENTS_RECEIVED.put("DELETE /events/" + id + "/registrations/" + registrationId, "");
        return "{\"id\":\"" + registrationId + "\",\"eventId\":\"" + id + "\",\"status\":\"CANCELLED\"}";
    }

    @GET
    @Path("/events/{id}/sponsorships")
    public String eventsSponsorships(@PathParam("id") String id) {
        return "{\"items\":[{\"id\":\"" + EV_SPONSORSHIP + "\",\"eventId\":\"" + id + "\",\"partnerName\":\"Cobalt Compute\","
                + "\"level\":\"SILVER\",\"amount\":10000.00,\"currency\":\"EUR\",\"status\":\"PROPOSED\"}],\"next\":null}";
    }

    @GET
    @Path("/events/{id}/sponsorships/{sponsorshipId}")
    public Response eventsSponsorship(@PathParam("id") String id, @PathParam("sponsorshipId") String sponsorshipId) {
        return Response.ok("{\"id\":\"" + sponsorshipId + "\",\"status\":\"PROPOSED\"}").tag(new jakarta.ws.rs.core.EntityTag("7")).build();
    }

    @POST
    @Path("/events/{id}/sponsorships")
    @jakarta.ws.rs.Consumes("application/json")
    public Response eventsPropose(@PathParam("id") String id, String body) {
        EVENTS_RECEIVED.put("POST /events/" + id + "/sponsorships", body);
        return eventsProblem(422, "sponsor-not-member", "Tundra Telecom is not a member in good standing today",
                "[{\"rule\":\"sponsor-not-member\",\"detail\":\"Tundra Telecom is not a member in good standing today\"}]", "[]");
    }

    @POST
    @Path("/events/{id}/sponsorships/{sponsorshipId}/confirmation")
    public String eventsConfirm(@PathParam("id") String id, @PathParam("sponsorshipId") String sponsorshipId,
            @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch) {
        EVENTS_RECEIVED.put("POST /events/" + id + "/sponsorships/" + sponsorshipId + "/confirmation If-Match", String.valueOf(ifMatch));
        return "{\"id\":\"" + sponsorshipId + "\",\"status\":\"CONFIRMED\"}";
    }

    @GET
    @Path("/user-groups")
    public String eventsUserGroups() {
        return "{\"items\":[{\"id\":\"" + EV_GROUP + "\",\"name\":\"Helsinki Cloud Native\",\"city\":\"Helsinki\",\"country\":\"FI\","
                + "\"organiserIds\":[],\"organisers\":[],\"meetupsHeld\":3,\"lastMeetupAt\":\"2026-11-07T16:00:00Z\","
                + "\"health\":\"ACTIVE\",\"eligible\":true}],\"next\":null}";
    }

    @POST
    @Path("/user-groups")
    @jakarta.ws.rs.Consumes("application/json")
    public Response eventsCreateUserGroup(String body) {
        EVENTS_RECEIVED.put("POST /user-groups", body);
        if (body.contains("\"country\":\"FIN\"")) {
            return eventsProblem(400, "validation", "country: must be an ISO 3166-1 alpha-2 code such as FI", "[]",
                    "[{\"field\":\"country\",\"message\":\"must be an ISO 3166-1 alpha-2 code such as FI\"}]");
        }
        return Response.status(201).entity("{\"id\":\"" + EV_GROUP + "\",\"name\":\"x\"}").build();
    }

    @GET
    @Path("/user-groups/{id}")
    public Response eventsUserGroup(@PathParam("id") String id) {
        return Response.ok("{\"id\":\"" + id + "\",\"name\":\"Helsinki Cloud Native\",\"city\":\"Helsinki\",\"country\":\"FI\"}")
                .tag(new jakarta.ws.rs.core.EntityTag("5")).build();
    }

    @jakarta.ws.rs.PATCH
    @Path("/user-groups/{id}")
    @jakarta.ws.rs.Consumes("application/merge-patch+json")
    public Response eventsChangeUserGroup(@PathParam("id") String id, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
            String body) {
        EVENTS_RECEIVED.put("PATCH /user-groups/" + id, body);
        EVENTS_RECEIVED.put("PATCH /user-groups/" + id + " If-Match", String.valueOf(ifMatch));
        return Response.ok("{\"id\":\"" + id + "\",\"name\":\"x\"}").build();
    }



    @GET
    @Path("/boards/{id}/calendar-feeds")
    public String eventsFeeds(@PathParam("id") String id) {
        return "{\"items\":[{\"id\":\"" + EV_FEED + "\",\"boardId\":\"" + id + "\",\"owner\":\"paula\","
                + "\"createdAt\":\"2026-11-30T10:00:00Z\"}],\"next\":null}";
    }

    @POST
    @Path("/boards/{id}/calendar-feeds")
    @jakarta.ws.rs.Consumes("application/json")
    public Response eventsCreateFeed(@PathParam("id") String id) {
        EVENTS_RECEIVED.put("POST /boards/" + id + "/calendar-feeds", "");
        return Response.status(201).entity("{\"id\":\"" + EV_FEED + "\",\"boardId\":\"" + id + "\",\"owner\":\"paula\","
                + "\"feedUrl\":\"https://trellis.example/api/boards/calendar-feeds/" + EV_SECRET + ".ics\","
                + "\"createdAt\":\"2026-12-01T10:00:00Z\"}").build();
    }

    @jakarta.ws.rs.DELETE
    @Path("/boards/{id}/calendar-feeds/{feedId}")
    public String eventsRevokeFeed(@PathParam("id") String id, @PathParam("feedId") String feedId) {
        EVENTS_RECEIVED.put("DELETE /boards/" + id + "/calendar-feeds/" + feedId, "");
        return "{\"id\":\"" + feedId + "\",\"boardId\":\"" + id + "\",\"revokedAt\":\"2026-12-01T11:00:00Z\"}";
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

    // ---- growth leads (GrowthLeadsPageTest)

    @GET
    @Path("/insights/growth-leads")
    public String growthLeads(@QueryParam("limit") Integer limit) {
        return "{\"asOf\":\"2026-12-02\",\"prospects\":[{\"domain\":\"vantage-robotics.example\",\"registrations\":9,"
                + "\"attendances\":8,\"people\":9,\"lastSeen\":\"2026-10-13T16:00:00Z\",\"knownPartnerId\":null,"
                + "\"knownPartnerName\":null,\"knownPartnerStatus\":null,\"nextAction\":\"Invite vantage-robotics.example to talk membership (limit "
                + limit + ")\"}],\"upgrades\":[{\"partnerId\":\"" + PARTNER_B + "\",\"partnerName\":\"Borealis Systems\",\"tier\":\"GOLD\","
                + "\"nextTier\":\"PLATINUM\",\"attended\":6,\"sponsorships\":2,\"participation\":8,\"nextTierMedian\":7.0,"
                + "\"nextTierMembers\":3,\"windowDays\":182,\"nextAction\":\"Talk to Borealis Systems about PLATINUM\"}]}";
    }
}

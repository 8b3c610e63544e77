package dev.trellis.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Each service's part of a subject-access export as {@link PrivacyPagesTest} needs it: Nora Quist is a contact with
 * one of everything; guest@example.org is known only to event-service. Records the queries the console sent.
 */
@Path("/api/privacy")
@PermitAll
@Produces("application/json")
public class FakePrivacyApi {
    static final String NORA = "5a5a5a5a-0000-4000-8000-0000000000a1";
    static final String NORA_EMAIL = "nora.quist@acme.example";
    static final String GUEST = "guest@example.org";
    static final List<String> ASKED = new CopyOnWriteArrayList<>();

    private static final String AUDIT = """
            {"id":"a0000000-0000-4000-8000-000000000001","occurredAt":"2026-11-02T10:00:00Z","actorKind":"user",
             "actor":"cora","entityType":"%s","entityId":"%s","action":"created","changes":{"email":{"masked":true}},
             "requestId":null}""";

    @GET
    @Path("/partner/subjects")
    public String partner(@QueryParam("contactId") String contactId, @QueryParam("email") String email) {
        ASKED.add("partner contactId=" + contactId + " email=" + email);
        if (!NORA.equals(contactId) && !NORA_EMAIL.equals(email)) {
            return "{\"service\":\"partner-service\",\"found\":false,\"contact\":null,\"keyContactRoles\":[],"
                    + "\"touchpoints\":[],\"auditEntries\":[]}";
        }
        return """
                {"service":"partner-service","found":true,
                 "contact":{"id":"%s","firstName":"Nora","lastName":"Quist","email":"%s","phone":"+49 30 1234",
                  "jobTitle":"CTO","currentAffiliations":[{"id":"af000000-0000-4000-8000-000000000001","partnerName":"Acme Cloud",
                  "role":"EXECUTIVE_SPONSOR","startDate":"2025-01-01","endDate":null}],"pastAffiliations":[],
                  "consents":[],"consentHistory":[{"purpose":"MARKETING_EMAIL","granted":true,"recordedAt":"2026-10-01T09:00:00Z",
                  "source":"WEB_FORM","actorKind":"staff","actor":"cora"},{"purpose":"MARKETING_EMAIL","granted":false,
                  "recordedAt":"2026-11-01T09:00:00Z","source":"EMAIL","actorKind":"subject","actor":null}],"erasedAt":null},
                 "keyContactRoles":[{"membershipId":"7a7a7a7a-0000-4000-8000-000000000007","partnerName":"Acme Cloud",
                  "role":"VOTING","assignedAt":"2026-02-01T00:00:00Z"}],
                 "touchpoints":[{"id":"7c000000-0000-4000-8000-000000000001","partnerName":"Acme Cloud","occurredOn":"2026-10-12",
                  "type":"MEETING","summary":"Renewal talk","notes":"Nora wants a TOC intro","notesWithheld":false,
                  "attendeeStaff":["cora"]},{"id":"7c000000-0000-4000-8000-000000000002","partnerName":"Acme Cloud",
                  "occurredOn":"2026-09-01","type":"CALL","summary":"Budget call","notes":null,"notesWithheld":true,
                  "attendeeStaff":[]}],
                 "auditEntries":[%s]}""".formatted(NORA, NORA_EMAIL, AUDIT.formatted("contact", NORA));
    }

    @GET
    @Path("/advisory/subjects")
    public String advisory(@QueryParam("contactId") String contactId, @QueryParam("email") String email) {
        ASKED.add("advisory contactId=" + contactId + " email=" + email);
        if (!NORA.equals(contactId)) {
            return "{\"service\":\"advisory-service\",\"found\":false,\"seats\":[],\"attendance\":[],\"auditEntries\":[]}";
        }
        return """
                {"service":"advisory-service","found":true,"seats":[{"id":"5e000000-0000-4000-8000-000000000001",
                 "boardName":"Governing Board","as":"holder","kind":"TIER_APPOINTED","termStart":"2026-01-01",
                 "termEnd":"2027-12-31","votingStatus":"VOTING","vacatedOn":null}],
                 "attendance":[{"meetingId":"3e000000-0000-4000-8000-000000000001","meetingTitle":"Q3 board meeting",
                 "startsAt":"2026-09-15T15:00:00Z","seatId":"5e000000-0000-4000-8000-000000000001","presence":"PRESENT"}],
                 "auditEntries":[%s]}""".formatted(AUDIT.formatted("seat", "5e000000-0000-4000-8000-000000000001"));
    }

    @GET
    @Path("/event/subjects")
    public String event(@QueryParam("contactId") String contactId, @QueryParam("email") String email) {
        ASKED.add("event contactId=" + contactId + " email=" + email);
        String who = NORA.equals(contactId) ? "Nora Quist" : GUEST.equals(email) ? "Gus Guest" : null;
        if (who == null) {
            return "{\"service\":\"event-service\",\"found\":false,\"registrations\":[],\"signUps\":[],\"mails\":[],\"auditEntries\":[]}";
        }
        String address = NORA.equals(contactId) ? NORA_EMAIL : GUEST;
        return """
                {"service":"event-service","found":true,"registrations":[{"eventTitle":"KubeSummit","eventStartsAt":"2026-10-20T08:00:00Z",
                 "registration":{"id":"4e000000-0000-4000-8000-000000000001","name":"%s","email":"%s","status":"ATTENDED",
                 "checkedInAt":"2026-10-20T08:12:00Z"}}],"signUps":[],
                 "mails":[{"id":"6e000000-0000-4000-8000-000000000001","template":"registration-confirmed","recipient":"%s",
                 "subject":"You are registered for KubeSummit","status":"SENT","sentAt":"2026-10-01T10:00:05Z"}],
                 "auditEntries":[]}""".formatted(who, address, address);
    }
}

package dev.trellis.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.console.api.PrivacyApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A subject-access export: asks partner-, advisory- and event-service for their parts (over REST with the user's
 * token, never through Kafka) and assembles one JSON document, plus what the page shows of it. partner-service
 * is asked first: the contact it finds names the id and address the other services are asked with.
 */
@ApplicationScoped
public class SubjectAccessViews {
    public static final String FORMAT = "trellis-subject-access-export/1";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final PrivacyApi privacy;
    private final ObjectMapper json;
    private final Viewer viewer;

    SubjectAccessViews(@RestClient PrivacyApi privacy, ObjectMapper json, Viewer viewer) {
        this.privacy = privacy;
        this.json = json;
        this.viewer = viewer;
    }

    /** What was asked for: a contact id or an address, as typed. */
    public record Query(String contactId, String email) {
        public boolean empty() {
            return blank(contactId) && blank(email);
        }
    }

    /** The assembled document, its file name, and the readable sections the page shows of it. */
    public record Export(ObjectNode document, String fileName, String contactId, String email, boolean found,
            List<Section> sections) {

        public String pretty() {
            return document.toPrettyString();
        }
    }

    /** A table of the page: its heading, its anchor, the column names and the rows as text. */
    public record Section(String id, String title, String service, List<String> columns, List<List<String>> rows,
            String none) {
    }

    public Export export(Query query) {
        UUID contactId = contactId(query.contactId());
        String email = blank(query.email()) ? null : query.email().strip();
        if (contactId == null && email == null) {
            throw new Forms.InvalidField("contactId", "Give a contact id or an e-mail address");
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new Forms.InvalidField("email", "Not an e-mail address");
        }
        JsonNode partner = read(privacy.partner(contactId, email));
        JsonNode contact = partner.path("contact").isObject() ? partner.path("contact") : null;
        if (contact != null) {
            contactId = UUID.fromString(contact.path("id").asText());
            if (contact.path("erasedAt").isNull() || contact.path("erasedAt").isMissingNode()) {
                String known = contact.path("email").asText(null);
                email = email == null ? known : email;
            }
        }
        JsonNode advisory = read(privacy.advisory(contactId, email));
        JsonNode event = read(privacy.event(contactId, email));
        Instant now = Instant.now();
        ObjectNode document = json.createObjectNode();
        document.put("format", FORMAT);
        document.put("generatedAt", now.toString());
        document.put("generatedBy", viewer.username());
        ObjectNode subject = document.putObject("subject");
        subject.put("contactId", contactId == null ? null : contactId.toString());
        subject.put("email", email);
        document.set("partner", partner);
        document.set("advisory", advisory);
        document.set("event", event);
        String name = "subject-access-" + (contactId != null ? contactId.toString() : "guest") + "-"
                + now.toString().substring(0, 10) + ".json";
        boolean found = partner.path("found").asBoolean() || advisory.path("found").asBoolean()
                || event.path("found").asBoolean();
        return new Export(document, name, contactId == null ? null : contactId.toString(), email, found,
                sections(contact, partner, advisory, event));
    }

    private static List<Section> sections(JsonNode contact, JsonNode partner, JsonNode advisory, JsonNode event) {
        List<Section> sections = new ArrayList<>();
        JsonNode c = contact == null ? MISSING : contact;
        sections.add(new Section("profile", "Profile", "partner-service",
                List.of("Name", "E-mail", "Phone", "Job title", "Erased"),
                contact == null ? List.of() : List.of(List.of(text(c, "firstName") + " " + text(c, "lastName"),
                        text(c, "email"), text(c, "phone"), text(c, "jobTitle"), text(c, "erasedAt"))),
                "partner-service holds no contact for this person."));
        List<List<String>> affiliations = new ArrayList<>();
        list(c, "currentAffiliations").forEach(a -> affiliations.add(List.of(text(a, "partnerName"), text(a, "role"),
                text(a, "startDate"), text(a, "endDate"))));
        list(c, "pastAffiliations").forEach(a -> affiliations.add(List.of(text(a, "partnerName"), text(a, "role"),
                text(a, "startDate"), text(a, "endDate"))));
        sections.add(new Section("affiliations", "Affiliations", "partner-service",
                List.of("Organisation", "Role", "From", "To"), affiliations, "No affiliation."));
        sections.add(new Section("consents", "Consents and their history", "partner-service",
                List.of("Recorded", "Purpose", "Decision", "Source", "Made by"),
                rows(list(c, "consentHistory"), s -> List.of(text(s, "recordedAt"), text(s, "purpose"),
                        s.path("granted").asBoolean() ? "granted" : "withdrawn", text(s, "source"),
                        (text(s, "actorKind") + " " + text(s, "actor")).strip())),
                "No consent decision recorded."));
        sections.add(new Section("key-contacts", "Key-contact roles", "partner-service",
                List.of("Organisation", "Role", "Since"),
                rows(list(partner, "keyContactRoles"), r -> List.of(text(r, "partnerName"), text(r, "role"),
                        text(r, "assignedAt"))), "No key-contact role."));
        sections.add(new Section("touchpoints", "Touchpoints attended", "partner-service",
                List.of("Date", "Organisation", "Kind", "Summary", "Notes", "Staff"),
                rows(list(partner, "touchpoints"), t -> List.of(text(t, "occurredOn"), text(t, "partnerName"),
                        text(t, "type"), text(t, "summary"),
                        t.path("notesWithheld").asBoolean() ? "(not disclosable)" : text(t, "notes"),
                        String.join(", ", strings(t.path("attendeeStaff"))))), "No touchpoint."));
        sections.add(new Section("seats", "Board seats", "advisory-service",
                List.of("Board", "As", "Kind", "Term", "Voting", "Vacated"),
                rows(list(advisory, "seats"), s -> List.of(text(s, "boardName"), text(s, "as"), text(s, "kind"),
                        (text(s, "termStart") + " to " + text(s, "termEnd")).strip(), text(s, "votingStatus"),
                        text(s, "vacatedOn"))), "No seat."));
        sections.add(new Section("attendance", "Meeting attendance", "advisory-service",
                List.of("Meeting", "Starts", "Presence"),
                rows(list(advisory, "attendance"), a -> List.of(text(a, "meetingTitle"), text(a, "startsAt"),
                        text(a, "presence"))), "No attendance recorded."));
        sections.add(new Section("registrations", "Registrations and check-ins", "event-service",
                List.of("Event", "Starts", "Name", "E-mail", "Status", "Checked in"),
                rows(list(event, "registrations"), r -> List.of(text(r, "eventTitle"), text(r, "eventStartsAt"),
                        text(r.path("registration"), "name"), text(r.path("registration"), "email"),
                        text(r.path("registration"), "status"), text(r.path("registration"), "checkedInAt"))),
                "No registration."));
        sections.add(new Section("sign-ups", "Public sign-ups", "event-service",
                List.of("Event", "Name", "E-mail", "Status", "Signed up", "Confirmed"),
                rows(list(event, "signUps"), u -> List.of(text(u, "eventTitle"), text(u, "name"), text(u, "email"),
                        text(u, "status"), text(u, "createdAt"), text(u, "confirmedAt"))), "No sign-up."));
        sections.add(new Section("mails", "Mails sent", "event-service",
                List.of("Recipient", "Template", "Subject", "Status", "Sent"),
                rows(list(event, "mails"), m -> List.of(text(m, "recipient"), text(m, "template"), text(m, "subject"),
                        text(m, "status"), text(m, "sentAt"))), "No mail."));
        List<List<String>> audit = new ArrayList<>();
        Map.of("partner-service", partner, "advisory-service", advisory, "event-service", event)
                .forEach((service, part) -> list(part, "auditEntries").forEach(e -> audit.add(List.of(
                        text(e, "occurredAt"), service, text(e, "entityType"), text(e, "action"),
                        (text(e, "actorKind") + " " + text(e, "actor")).strip(),
                        String.join(", ", fieldNames(e.path("changes")))))));
        audit.sort((a, b) -> b.get(0).compareTo(a.get(0)));
        sections.add(new Section("audit", "Audit entries", "every service",
                List.of("When", "Service", "Record", "Action", "By", "Fields"), audit, "No audit entry."));
        return sections;
    }

    private static final JsonNode MISSING = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    private static List<List<String>> rows(List<JsonNode> items, java.util.function.Function<JsonNode, List<String>> row) {
        return items.stream().map(row).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service answered its part of the export with no JSON", e);
        }
    }

    private static List<JsonNode> list(JsonNode node, String field) {
        List<JsonNode> items = new ArrayList<>();
        node.path(field).forEach(items::add);
        return items;
    }

    private static UUID contactId(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new Forms.InvalidField("contactId", "Not a contact id");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package dev.trellis.console.service;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.EventsApi;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Events for the community team: drafting, editing, publishing and cancelling; registrations with the waitlist,
 * check-in one by one or from a CSV; sponsorships; user groups.
 */
@ApplicationScoped
public class EventViews {

    public static final List<String> KINDS = List.of("CONFERENCE", "SUMMIT", "MEETUP", "WEBINAR", "WORKSHOP");
    /** The foundation's zone, the first choice offered for a new event. */
    public static final String DEFAULT_ZONE = "Europe/Berlin";

    private final EventsApi events;
    private final PartnersApi partners;

    EventViews(@RestClient EventsApi events, @RestClient PartnersApi partners) {
        this.events = events;
        this.partners = partners;
    }

    /** Upcoming and recent events (from 30 days back), drafts included for the team. */
    public List<EventsApi.Event> upcoming() {
        return events.events(null, Instant.now().minus(30, ChronoUnit.DAYS).toString(), null, 50, null).items();
    }

    public record EventPage(EventsApi.Event event, String etag, List<EventsApi.Registration> registrations, long seated,
            long waitlisted, long attended, List<EventsApi.Sponsorship> sponsorships, String userGroupName,
            List<PartnersApi.Partner> sponsors) {

        /** Registered and checked-in people, then the waitlist in order of arrival, then the rest. */
        public List<EventsApi.Registration> waitlist() {
            return registrations.stream().filter(r -> "WAITLISTED".equals(r.status())).toList();
        }

        public boolean draft() {
            return "DRAFT".equals(event.status());
        }

        public boolean published() {
            return "PUBLISHED".equals(event.status());
        }

        /** Neither cancelled nor completed: it can still be changed or cancelled. */
        public boolean open() {
            return draft() || published();
        }

        public long live() {
            return seated - attended + waitlisted;
        }
    }

    /**
     * The event with its version (for If-Match), registrations (one page of 200), sponsorships and its user group.
     *
     * @param withSponsorPicker also the active partners, for the community team's proposal form
     */
    public EventPage event(UUID id, boolean withSponsorPicker) {
        RestResponse<EventsApi.Event> answer = events.event(id);
        EventsApi.Event event = answer.getEntity();
        List<EventsApi.Registration> registrations = events.registrations(id, null, 200).items();
        List<EventsApi.Sponsorship> sponsorships = events.sponsorships(id, 100).items();
        String group = event.userGroupId() == null ? null : userGroups().stream()
                .filter(g -> g.id().equals(event.userGroupId())).map(EventsApi.UserGroup::name).findFirst().orElse(null);
        List<PartnersApi.Partner> sponsors = withSponsorPicker ? activePartners() : List.of();
        return new EventPage(event, answer.getHeaderString("ETag"), registrations,
                registrations.stream().filter(r -> "REGISTERED".equals(r.status()) || "ATTENDED".equals(r.status())).count(),
                registrations.stream().filter(r -> "WAITLISTED".equals(r.status())).count(),
                registrations.stream().filter(r -> "ATTENDED".equals(r.status())).count(),
                sponsorships, group, sponsors);
    }

    /** The partners that may sponsor (event-service takes ACTIVE ones only); none when partner-service does not answer. */
    private List<PartnersApi.Partner> activePartners() {
        try {
            return partners.partners(null, "ACTIVE", null, null, 100, null).items();
        } catch (ApiProblem | jakarta.ws.rs.ProcessingException unavailable) {
            // The page is the event's; without the list the proposal form says so instead of failing the page.
            return List.of();
        }
    }

    public static final Set<String> REGISTRATION_FIELDS = Set.of("name", "email");

    public EventsApi.Registration register(UUID eventId, String name, String email) {
        return events.register(eventId, new EventsApi.NewRegistration(null, Forms.blankToNull(name), Forms.blankToNull(email), null));
    }

    /** Cancels a registration; event-service gives the freed seat to the first on the waitlist. */
    public EventsApi.Registration cancelRegistration(UUID eventId, UUID registrationId) {
        return events.cancelRegistration(eventId, registrationId);
    }

    public EventsApi.Registration checkIn(UUID eventId, UUID registrationId) {
        return events.checkIn(eventId, new EventsApi.CheckIn(registrationId));
    }

    public EventsApi.Registration undo(UUID eventId, UUID registrationId) {
        return events.undoCheckIn(eventId, registrationId);
    }

    public EventsApi.BulkCheckIn checkInAll(UUID eventId, String csv) {
        return events.checkInAll(eventId, csv);
    }

    // ---- drafting and editing ---------------------------------------------------------------------------

    /** The event form as typed: times are wall-clock times in the event's zone ({@code 2027-02-18 16:00}). */
    public record EventForm(String kind, String title, String description, String startsAt, String endsAt, String timeZone,
            String venue, String onlineUrl, String capacity, String registrationOpensAt, String registrationClosesAt,
            String userGroupId, String etag) {

        public static EventForm blank() {
            return new EventForm("MEETUP", "", "", "", "", DEFAULT_ZONE, "", "", "", "", "", "", null);
        }

        public static EventForm of(EventsApi.Event e, String etag) {
            return new EventForm(e.kind(), e.title(), e.description(), e.startsLocal(), e.endsLocal(), e.timeZone(), e.venue(),
                    e.onlineUrl(), e.capacity() == null ? "" : e.capacity().toString(), e.registrationOpensLocal(),
                    e.registrationClosesLocal(), e.userGroupId() == null ? "" : e.userGroupId().toString(), etag);
        }
    }

    public static final Set<String> EVENT_FIELDS = Set.of("kind", "title", "description", "startsAt", "endsAt", "timeZone",
            "venue", "onlineUrl", "capacity", "registrationOpensAt", "registrationClosesAt", "userGroupId");

    /** Values of the form that do not parse, each a message next to its field, before any API call. */
    public static final class InvalidForm extends RuntimeException {
        private final transient FormErrors errors;

        InvalidForm(Map<String, List<String>> fields) {
            super("invalid form", null, false, false);
            this.errors = new FormErrors(fields, List.of(), List.of(), 400);
        }

        public FormErrors errors() {
            return errors;
        }
    }

    /** @throws InvalidForm for a time, zone, capacity or group that does not parse */
    static EventsApi.NewEvent parse(EventForm f) {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        ZoneId zone = null;
        String zoneText = Forms.blankToNull(f.timeZone());
        if (zoneText == null) {
            add(bad, "timeZone", "choose the time zone the event is held in");
        } else {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                add(bad, "timeZone", "must be an IANA time zone such as Europe/Berlin");
            }
        }
        Instant starts = instant(bad, "startsAt", f.startsAt(), zone, true);
        Instant ends = instant(bad, "endsAt", f.endsAt(), zone, true);
        Instant opens = instant(bad, "registrationOpensAt", f.registrationOpensAt(), zone, false);
        Instant closes = instant(bad, "registrationClosesAt", f.registrationClosesAt(), zone, false);
        Integer capacity = null;
        String cap = Forms.blankToNull(f.capacity());
        if (cap != null) {
            try {
                capacity = Integer.valueOf(cap);
                if (capacity < 0) {
                    add(bad, "capacity", "must be 0 or more; leave it empty for no limit");
                }
            } catch (NumberFormatException e) {
                add(bad, "capacity", "must be a whole number of seats; leave it empty for no limit");
            }
        }
        UUID group = null;
        try {
            group = Forms.uuid("userGroupId", f.userGroupId());
        } catch (Forms.InvalidField e) {
            add(bad, "userGroupId", e.getMessage());
        }
        String kind = Forms.blankToNull(f.kind());
        if (kind != null && !KINDS.contains(kind)) {
            add(bad, "kind", "must be chosen from the list");
        }
        if (!bad.isEmpty()) {
            throw new InvalidForm(bad);
        }
        return new EventsApi.NewEvent(kind, Forms.blankToNull(f.title()), Forms.blankToNull(f.description()), starts, ends,
                zoneText, Forms.blankToNull(f.venue()), Forms.blankToNull(f.onlineUrl()), capacity, opens, closes, group);
    }

    public EventsApi.Event create(EventForm form) {
        return events.create(parse(form));
    }

    /**
     * Changes a draft or published event: the form sends every field (a JSON merge patch in which an emptied
     * optional field is cleared), with If-Match from the version the form was opened at.
     */
    public EventsApi.Event change(UUID id, EventForm form) {
        EventsApi.NewEvent e = parse(form);
        Map<String, Object> patch = new HashMap<>();
        patch.put("kind", e.kind());
        patch.put("title", e.title());
        patch.put("description", e.description());
        patch.put("startsAt", e.startsAt() == null ? null : e.startsAt().toString());
        patch.put("endsAt", e.endsAt() == null ? null : e.endsAt().toString());
        patch.put("timeZone", e.timeZone());
        patch.put("venue", e.venue());
        patch.put("onlineUrl", e.onlineUrl());
        patch.put("capacity", e.capacity());
        patch.put("registrationOpensAt", e.registrationOpensAt() == null ? null : e.registrationOpensAt().toString());
        patch.put("registrationClosesAt", e.registrationClosesAt() == null ? null : e.registrationClosesAt().toString());
        patch.put("userGroupId", e.userGroupId() == null ? null : e.userGroupId().toString());
        return events.change(id, form.etag(), patch);
    }

    /** The event as it is now, with its version, for the edit form. */
    public EventForm editForm(UUID id) {
        RestResponse<EventsApi.Event> answer = events.event(id);
        return EventForm.of(answer.getEntity(), answer.getHeaderString("ETag"));
    }

    public EventsApi.Event event(UUID id) {
        return events.event(id).getEntity();
    }

    /** Publishes, completes or cancels, with If-Match from the version the page showed. */
    public EventsApi.Event changeStatus(UUID id, String etag, String status) {
        return events.changeStatus(id, etag, new EventsApi.StatusChange(status));
    }

    // ---- sponsorships -----------------------------------------------------------------------------------

    public static final Set<String> SPONSOR_FIELDS = Set.of("partnerId", "level", "amount", "currency");

    public record SponsorForm(String partnerId, String level, String amount, String currency) {
        public static SponsorForm blank() {
            return new SponsorForm("", "", "", "EUR");
        }
    }

    /** @throws InvalidForm for a partner or an amount that does not parse */
    public EventsApi.Sponsorship propose(UUID eventId, SponsorForm f) {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        UUID partner = null;
        try {
            partner = Forms.uuid("partnerId", f.partnerId());
        } catch (Forms.InvalidField e) {
            add(bad, "partnerId", e.getMessage());
        }
        BigDecimal amount = null;
        String a = Forms.blankToNull(f.amount());
        if (a != null) {
            try {
                amount = new BigDecimal(a.replace(",", ""));
            } catch (NumberFormatException e) {
                add(bad, "amount", "must be an amount such as 25000.00");
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidForm(bad);
        }
        String level = Forms.blankToNull(f.level());
        String currency = Forms.blankToNull(f.currency());
        return events.propose(eventId, new EventsApi.NewSponsorship(partner,
                level == null ? null : level.toUpperCase(java.util.Locale.ROOT), amount,
                currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT)));
    }

    /**
     * Confirms or cancels a sponsorship at its current version: the list carries no versions, so the version is
     * read just before; event-service still refuses a move its state does not allow (409).
     */
    public EventsApi.Sponsorship confirm(UUID eventId, UUID sponsorshipId) {
        String etag = events.sponsorship(eventId, sponsorshipId).getHeaderString("ETag");
        return events.confirm(eventId, sponsorshipId, etag);
    }

    public EventsApi.Sponsorship cancelSponsorship(UUID eventId, UUID sponsorshipId) {
        String etag = events.sponsorship(eventId, sponsorshipId).getHeaderString("ETag");
        return events.cancelSponsorship(eventId, sponsorshipId, etag);
    }

    // ---- user groups ------------------------------------------------------------------------------------

    public List<EventsApi.UserGroup> userGroups() {
        return events.userGroups(200).items();
    }

    public static final Set<String> GROUP_FIELDS = Set.of("name", "city", "country");

    public record GroupForm(String name, String city, String country, String etag) {
        public static GroupForm blank() {
            return new GroupForm("", "", "", null);
        }
    }

    /** A group as it is now, with its version, for the edit form. */
    public GroupForm groupForm(UUID id) {
        RestResponse<EventsApi.UserGroup> answer = events.userGroup(id);
        EventsApi.UserGroup g = answer.getEntity();
        return new GroupForm(g.name(), g.city(), g.country(), answer.getHeaderString("ETag"));
    }

    /** Renames or moves a group: a merge patch of name, city and country, with If-Match; the organisers stay. */
    public EventsApi.UserGroup changeUserGroup(UUID id, GroupForm f) {
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", Forms.blankToNull(f.name()));
        patch.put("city", Forms.blankToNull(f.city()));
        String country = Forms.blankToNull(f.country());
        patch.put("country", country == null ? null : country.toUpperCase(java.util.Locale.ROOT));
        return events.changeUserGroup(id, f.etag(), patch);
    }

    public EventsApi.UserGroup createUserGroup(GroupForm f) {
        String country = Forms.blankToNull(f.country());
        return events.createUserGroup(new EventsApi.NewUserGroup(Forms.blankToNull(f.name()), Forms.blankToNull(f.city()),
                country == null ? null : country.toUpperCase(java.util.Locale.ROOT), null));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static Instant instant(Map<String, List<String>> bad, String field, String value, ZoneId zone, boolean required) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            if (required) {
                add(bad, field, "enter a date and time like 2027-02-18 16:00");
            }
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(v.replace(' ', 'T'));
            return zone == null ? null : local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            add(bad, field, "must be a date and time like 2027-02-18 16:00");
            return null;
        }
    }

    private static void add(Map<String, List<String>> bad, String field, String message) {
        bad.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    /**
     * An API refusal of a form, with the broken rules event-service names by slug placed at the field they are
     * about (a registration outside its window at the event, a partner's wrong address at the email); a rule
     * about no field of the form goes to the error summary.
     */
    public static FormErrors errors(ApiProblem problem, Set<String> formFields, Map<String, String> fieldOfRule) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ApiProblem.FieldError e : problem.errors()) {
            String f = e.field() == null ? null : e.field().replaceAll("\\[\\d+]$", "");
            if (f != null && formFields.contains(f)) {
                add(fields, f, e.message());
            } else {
                general.add((e.field() == null ? "" : e.field() + ": ") + e.message());
            }
        }
        for (ApiProblem.BrokenRule rule : problem.rules()) {
            String f = fieldOf(rule.rule(), rule.detail(), formFields, fieldOfRule);
            if (f != null) {
                add(fields, f, stripFieldPrefix(rule.detail(), f));
            } else {
                general.add(rule.detail() == null ? problem.detail() : rule.detail());
            }
        }
        if (fields.isEmpty() && general.isEmpty()) {
            String f = fieldOf(problem.code(), problem.detail(), formFields, fieldOfRule);
            if (f != null) {
                add(fields, f, stripFieldPrefix(problem.detail(), f));
            } else {
                general.add(problem.detail());
            }
        }
        return new FormErrors(fields, general, List.of(), problem.status());
    }

    private static String fieldOf(String rule, String detail, Set<String> formFields, Map<String, String> fieldOfRule) {
        String f = rule == null ? null : fieldOfRule.get(rule);
        if (f != null && formFields.contains(f)) {
            return f;
        }
        return detail == null ? null : formFields.stream().filter(x -> detail.startsWith(x + ": ")).findFirst().orElse(null);
    }

    private static String stripFieldPrefix(String detail, String field) {
        return detail != null && detail.startsWith(field + ": ") ? detail.substring(field.length() + 2) : detail;
    }
}

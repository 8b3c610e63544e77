package dev.trellis.console.service;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.InsightsApi;
import dev.trellis.console.api.Page;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The community team's and staff's views of partners: the worklist, the at-risk list, search, and one
 * partner's page; and the touchpoint a team member logs. Each view is a handful of API calls.
 */
@ApplicationScoped
public class PartnerViews {

    private final PartnersApi partners;
    private final InsightsApi insights;

    PartnerViews(@RestClient PartnersApi partners, @RestClient InsightsApi insights) {
        this.partners = partners;
        this.insights = insights;
    }

    /** The home page of the community team: what is on my plate, and which partners need attention and why. */
    public record Worklist(List<PartnersApi.NextStep> steps, long overdue, List<InsightsApi.AtRisk> atRisk) {
    }

    public Worklist worklist() {
        List<PartnersApi.NextStep> steps = partners.nextSteps("me", "open", 50).items();
        List<InsightsApi.AtRisk> atRisk = insights.atRisk(null, null, 10).items();
        return new Worklist(steps, steps.stream().filter(PartnersApi.NextStep::overdue).count(), atRisk);
    }

    /** Members whose term ends within 90 days, for staff: renewals are their work. */
    public List<InsightsApi.AtRisk> renewalsDue() {
        return insights.atRisk(null, "P90D", 20).items();
    }

    public record SearchFilter(String q, String status, String tier, String membershipStatus, String cursor) {
    }

    public Page<PartnersApi.Partner> search(SearchFilter f) {
        return partners.partners(Forms.blankToNull(f.q()), Forms.blankToNull(f.status()), Forms.blankToNull(f.tier()),
                Forms.blankToNull(f.membershipStatus()), 25, Forms.blankToNull(f.cursor()));
    }

    /** Everything on one partner's page. Membership and health are null when the partner has none. */
    public record Overview(String timelineKind, PartnersApi.Partner partner, List<Person> people, PartnersApi.Membership membership,
            List<PartnersApi.KeyContact> keyContacts, List<InsightsApi.TimelineLine> timeline, InsightsApi.Health health,
            Charts.Trend trend, List<PartnersApi.Touchpoint> touchpoints) {
    }

    /** A contact with their roles at this partner, current and past. */
    public record Person(UUID contactId, String name, List<PartnersApi.Affiliation> current, List<PartnersApi.Affiliation> past) {
        public boolean left() {
            return current.isEmpty();
        }
    }

    /** The kinds of line on a timeline (docs/insights.md), for its filter. */
    public static final List<String> TIMELINE_KINDS = List.of("TOUCHPOINT", "MEMBERSHIP", "SEAT_ASSIGNED", "SEAT_VACATED",
            "SEAT_FLAGGED", "MEETING_ATTENDED", "MEETING_MISSED", "VOTING_SUSPENDED", "VOTING_RESTORED", "REGISTRATION",
            "ATTENDED", "NO_SHOW", "SPONSORED");

    /** @param kind one of {@link #TIMELINE_KINDS} to show only those lines; anything else shows all */
    public Overview overview(UUID id, String kind) {
        // Two calls, one per service that holds a part of the page (docs/benchmarks.md, "Console").
        PartnersApi.Overview o = partners.overview(id, 200, 10);
        String only = kind != null && TIMELINE_KINDS.contains(kind) ? kind : null;
        InsightsApi.PartnerInsights i = insights.partnerInsights(id, 90, only, 15);
        InsightsApi.Health health = i.health();
        return new Overview(only, o.profile(), people(o.affiliations().items()), o.membership(),
                o.keyContacts() == null ? List.of() : o.keyContacts(), i.timeline().items(), health,
                health == null ? null : Charts.healthTrend(health.trend()), o.touchpoints().items());
    }

    /** The people who may attend a touchpoint today: current contacts of the partner. */
    public record TouchpointContext(PartnersApi.Partner partner, List<Person> people) {
    }

    public TouchpointContext touchpointContext(UUID id) {
        return new TouchpointContext(partners.partner(id),
                people(partners.affiliations(id, true, 200).items()).stream().filter(p -> !p.left()).toList());
    }

    /** What the touchpoint form holds, as typed (dates as text: a bad one is a field error, not a 500). */
    public record TouchpointForm(String occurredOn, String type, String summary, String notes, List<String> attendeeContactIds,
            String stepDescription, String stepOwner, String stepDueOn) {
        public boolean attends(UUID contactId) {
            return attendeeContactIds != null && attendeeContactIds.contains(contactId.toString());
        }
    }

    public static final java.util.Set<String> TOUCHPOINT_FIELDS = java.util.Set.of("occurredOn", "type", "summary", "notes",
            "attendeeContactIds", "nextSteps[0].description", "nextSteps[0].owner", "nextSteps[0].dueOn", "nextSteps");

    /** Logs it with the signed-in team member as staff attendee; one next step when its description is filled in. */
    public PartnersApi.Touchpoint logTouchpoint(UUID partnerId, TouchpointForm form, String me) {
        List<UUID> attendees = new ArrayList<>();
        if (form.attendeeContactIds() != null) {
            for (String a : form.attendeeContactIds()) {
                attendees.add(Forms.uuid("attendeeContactIds", a));
            }
        }
        List<PartnersApi.NewNextStep> steps = null;
        if (Forms.blankToNull(form.stepDescription()) != null) {
            steps = List.of(new PartnersApi.NewNextStep(form.stepDescription().strip(),
                    Forms.blankToNull(form.stepOwner()) == null ? me : form.stepOwner().strip(),
                    Forms.date("nextSteps[0].dueOn", form.stepDueOn())));
        }
        LocalDate on = Forms.date("occurredOn", form.occurredOn());
        return partners.logTouchpoint(partnerId, new PartnersApi.NewTouchpoint(on, Forms.blankToNull(form.type()),
                form.summary(), Forms.blankToNull(form.notes()), attendees, List.of(me), steps));
    }

    public PartnersApi.NextStep markDone(UUID stepId, long version, boolean done) {
        return partners.changeNextStep(stepId, "\"" + version + "\"", Map.of("done", done));
    }

    // ---- creating and editing partners and contacts, moving a contact to another employer (community team)

    /** The roles a contact may have at a partner (partner-service's AffiliationRole). */
    public static final List<String> ROLES = List.of("EXECUTIVE_SPONSOR", "TECHNICAL_LEAD", "DEVELOPER", "MARKETING",
            "BILLING", "VOTING_CONTACT");

    /** A partner's profile form, as typed; {@code emailDomains} is one text (commas, spaces or lines between). */
    public record PartnerForm(String name, String legalName, String website, String emailDomains, String description,
            String country, String parentPartnerId, String etag) {
        public static PartnerForm blank() {
            return new PartnerForm("", "", "", "", "", "", "", null);
        }

        public static PartnerForm of(PartnersApi.Partner p, String etag) {
            return new PartnerForm(p.name(), p.legalName(), p.website(), p.emailDomains() == null ? "" : String.join(", ", p.emailDomains()),
                    p.description(), p.country(), p.parentPartnerId() == null ? "" : p.parentPartnerId().toString(), etag);
        }

        public boolean parentIs(UUID id) {
            return id.toString().equals(parentPartnerId);
        }
    }

    public static final java.util.Set<String> PARTNER_FIELDS = java.util.Set.of("name", "legalName", "website", "emailDomains",
            "description", "country", "parentPartnerId");

    /** A partner with its version, for the edit form's If-Match. */
    public record Versioned<T>(T value, String etag) {
    }

    public Versioned<PartnersApi.Partner> partnerWithVersion(UUID id) {
        RestResponse<PartnersApi.Partner> read = partners.partnerWithVersion(id);
        return new Versioned<>(read.getEntity(), read.getHeaderString("ETag"));
    }

    /** The partners a parent company may be chosen from: the first 200 by name, without {@code except}. */
    public List<PartnersApi.Partner> parentChoices(UUID except) {
        return partners.partners(null, null, null, null, 200, null).items().stream()
                .filter(p -> except == null || !except.equals(p.id())).toList();
    }

    public PartnersApi.Partner createPartner(PartnerForm f) {
        return partners.createPartner(new PartnersApi.NewPartner(Forms.blankToNull(f.name()), Forms.blankToNull(f.legalName()),
                Forms.blankToNull(f.website()), domains(f.emailDomains()), Forms.blankToNull(f.description()),
                country(f.country()), Forms.uuid("parentPartnerId", f.parentPartnerId())));
    }

    /** A merge patch of every field of the form (an emptied optional field is cleared), with If-Match. */
    public PartnersApi.Partner changePartner(UUID id, PartnerForm f) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("name", f.name() == null ? "" : f.name().strip());
        patch.put("legalName", Forms.blankToNull(f.legalName()));
        patch.put("website", Forms.blankToNull(f.website()));
        patch.put("emailDomains", domains(f.emailDomains()));
        patch.put("description", Forms.blankToNull(f.description()));
        patch.put("country", country(f.country()));
        patch.put("parentPartnerId", Forms.uuid("parentPartnerId", f.parentPartnerId()));
        return partners.changePartner(id, f.etag(), patch);
    }

    /** A partner refusal laid out on the profile form; a taken domain is a message next to the domains. */
    public static FormErrors partnerErrors(ApiProblem problem) {
        if ("domain-taken".equals(problem.code()) && problem.errors().isEmpty()) {
            return FormErrors.field("emailDomains", problem.detail());
        }
        return FormErrors.of(problem, PARTNER_FIELDS);
    }

    /** A contact's form as typed: details, and for a new contact the role at the partner and its first day. */
    public record ContactForm(String firstName, String lastName, String email, String phone, String jobTitle, String role,
            String startDate, String etag) {
        public static ContactForm blank() {
            return new ContactForm("", "", "", "", "", "TECHNICAL_LEAD", LocalDate.now().toString(), null);
        }

        public static ContactForm of(PartnersApi.Contact c, String etag) {
            return new ContactForm(c.firstName(), c.lastName(), c.email(), c.phone(), c.jobTitle(), null, null, etag);
        }
    }

    public static final java.util.Set<String> CONTACT_FIELDS = java.util.Set.of("firstName", "lastName", "email", "phone",
            "jobTitle", "role", "startDate");

    public Versioned<PartnersApi.Contact> contact(UUID id) {
        RestResponse<PartnersApi.Contact> read = partners.contact(id);
        return new Versioned<>(read.getEntity(), read.getHeaderString("ETag"));
    }

    /**
     * Creates the contact, then its affiliation with the partner. Role and date are checked first, so that
     * the second call fails only for a reason of the API's; its refusal is then reported as {@link RoleNotAdded}.
     */
    public PartnersApi.Contact createContact(UUID partnerId, ContactForm f) {
        String role = role("role", f.role());
        LocalDate start = Forms.date("startDate", f.startDate());
        if (start == null) {
            throw new Forms.InvalidField("startDate", "must not be blank");
        }
        PartnersApi.Contact created = partners.createContact(new PartnersApi.NewContact(Forms.blankToNull(f.firstName()),
                Forms.blankToNull(f.lastName()), Forms.blankToNull(f.email()), Forms.blankToNull(f.phone()),
                Forms.blankToNull(f.jobTitle())));
        try {
            partners.startAffiliation(created.id(), new PartnersApi.NewAffiliation(partnerId, role, start));
        } catch (ApiProblem problem) {
            throw new RoleNotAdded(created, problem);
        }
        return created;
    }

    /** The contact was created but its role at the partner was refused. */
    public static final class RoleNotAdded extends RuntimeException {
        private final transient PartnersApi.Contact contact;
        private final ApiProblem problem;

        RoleNotAdded(PartnersApi.Contact contact, ApiProblem problem) {
            super(problem.detail(), problem, false, false);
            this.contact = contact;
            this.problem = problem;
        }

        public PartnersApi.Contact contact() {
            return contact;
        }

        public ApiProblem problem() {
            return problem;
        }
    }

    public PartnersApi.Contact changeContact(UUID id, ContactForm f) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("firstName", f.firstName() == null ? "" : f.firstName().strip());
        patch.put("lastName", f.lastName() == null ? "" : f.lastName().strip());
        patch.put("email", f.email() == null ? "" : f.email().strip());
        patch.put("phone", Forms.blankToNull(f.phone()));
        patch.put("jobTitle", Forms.blankToNull(f.jobTitle()));
        return partners.changeContact(id, f.etag(), patch);
    }

    /** A contact refusal on its form; a duplicate email is a message next to the email. */
    public static FormErrors contactErrors(ApiProblem problem) {
        if ("duplicate-email".equals(problem.code()) && problem.errors().isEmpty()) {
            return FormErrors.field("email", problem.detail());
        }
        if ("affiliation-conflict".equals(problem.code()) && problem.errors().isEmpty()) {
            return FormErrors.field("role", problem.detail());
        }
        return FormErrors.of(problem, CONTACT_FIELDS);
    }

    /** A role added at a partner, or a role ended, from the contact's page. */
    public record RoleForm(String role, String startDate, String affiliationId, String endDate) {
        public static RoleForm blank() {
            return new RoleForm("DEVELOPER", LocalDate.now().toString(), null, LocalDate.now().toString());
        }

        /** Whether this form is the one that ended the affiliation {@code id} (its errors go next to that row). */
        public boolean failedOn(UUID id) {
            return id.toString().equals(affiliationId);
        }

        public String today() {
            return LocalDate.now().toString();
        }
    }

    public static final java.util.Set<String> ROLE_FIELDS = java.util.Set.of("role", "startDate", "endDate", "partnerId");

    public PartnersApi.Affiliation addRole(UUID contactId, UUID partnerId, RoleForm f) {
        String role = role("role", f.role());
        LocalDate start = Forms.date("startDate", f.startDate());
        if (start == null) {
            throw new Forms.InvalidField("startDate", "must not be blank");
        }
        return partners.startAffiliation(contactId, new PartnersApi.NewAffiliation(partnerId, role, start));
    }

    public PartnersApi.Affiliation endRole(UUID contactId, UUID affiliationId, RoleForm f) {
        LocalDate end = Forms.date("endDate", f.endDate());
        if (end == null) {
            throw new Forms.InvalidField("endDate", "must not be blank");
        }
        return partners.endAffiliation(contactId, affiliationId, new PartnersApi.AffiliationEnd(end));
    }

    public static FormErrors roleErrors(ApiProblem problem, String mainField) {
        if (problem.errors().isEmpty() && problem.status() == 409) {
            return FormErrors.field(mainField, problem.detail());
        }
        return FormErrors.of(problem, ROLE_FIELDS);
    }

    /** A move: the new employer, picked from a search, the role there and the first day there. */
    public record MoveForm(String q, String partnerId, String role, String date) {
        public boolean picked(UUID id) {
            return id.toString().equals(partnerId);
        }
    }

    public static final java.util.Set<String> MOVE_FIELDS = java.util.Set.of("partnerId", "role", "date");

    /** The contact, and the partners whose name or domain matches the search (not those it works for now). */
    public record MoveContext(PartnersApi.Partner from, PartnersApi.Contact contact, List<PartnersApi.Partner> candidates) {
    }

    public MoveContext moveContext(UUID fromPartnerId, UUID contactId, String q) {
        PartnersApi.Contact contact = partners.contact(contactId).getEntity();
        java.util.Set<UUID> now = new java.util.HashSet<>();
        contact.currentAffiliations().forEach(a -> now.add(a.partnerId()));
        List<PartnersApi.Partner> candidates = Forms.blankToNull(q) == null ? List.of()
                : partners.partners(q.strip(), null, null, null, 25, null).items().stream().filter(p -> !now.contains(p.id())).toList();
        return new MoveContext(partners.partner(fromPartnerId), contact, candidates);
    }

    public PartnersApi.Move move(UUID contactId, MoveForm f) {
        UUID to = Forms.uuid("partnerId", f.partnerId());
        if (to == null) {
            throw new Forms.InvalidField("partnerId", "choose the new employer: search, then pick one");
        }
        String role = role("role", f.role());
        LocalDate date = Forms.date("date", f.date());
        if (date == null) {
            throw new Forms.InvalidField("date", "must not be blank");
        }
        return partners.move(contactId, new PartnersApi.NewMove(to, role, date));
    }

    private static String role(String field, String value) {
        String v = Forms.blankToNull(value);
        if (v == null || !ROLES.contains(v)) {
            throw new Forms.InvalidField(field, "choose one of the roles");
        }
        return v;
    }

    /** Domains as typed, separated by commas, spaces or lines; lower-case, as partner-service keeps them. */
    static List<String> domains(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(typed.split("[,;\\s]+")).filter(d -> !d.isBlank())
                .map(d -> d.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    private static String country(String typed) {
        String v = Forms.blankToNull(typed);
        return v == null ? null : v.toUpperCase(java.util.Locale.ROOT);
    }

    private static List<Person> people(List<PartnersApi.Affiliation> affiliations) {
        Map<UUID, List<PartnersApi.Affiliation>> byContact = new LinkedHashMap<>();
        for (PartnersApi.Affiliation a : affiliations) {
            byContact.computeIfAbsent(a.contactId(), k -> new ArrayList<>()).add(a);
        }
        List<Person> people = new ArrayList<>();
        byContact.forEach((contact, list) -> people.add(new Person(contact, list.get(0).contactName(),
                list.stream().filter(PartnersApi.Affiliation::current).toList(),
                list.stream().filter(a -> !a.current()).toList())));
        people.sort(java.util.Comparator.comparing(Person::left).thenComparing(Person::name, String.CASE_INSENSITIVE_ORDER));
        return people;
    }

    static <T> T orNullOn404(Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiProblem p) {
            if (p.status() == 404) {
                return null;
            }
            throw p;
        }
    }
}

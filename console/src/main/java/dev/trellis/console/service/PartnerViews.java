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
        PartnersApi.Partner partner = partners.partner(id);
        List<Person> people = people(partners.affiliations(id, null, 200).items());
        PartnersApi.Membership membership = orNullOn404(() -> partners.membership(id));
        List<PartnersApi.KeyContact> keyContacts = partners.keyContacts(id).items();
        String only = kind != null && TIMELINE_KINDS.contains(kind) ? kind : null;
        List<InsightsApi.TimelineLine> timeline = insights.timeline(id, only, 15).items();
        InsightsApi.Health health = orNullOn404(() -> insights.health(id, 90));
        List<PartnersApi.Touchpoint> touchpoints = partners.touchpoints(id, 10).items();
        return new Overview(only, partner, people, membership, keyContacts, timeline, health,
                health == null ? null : Charts.healthTrend(health.trend()), touchpoints);
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

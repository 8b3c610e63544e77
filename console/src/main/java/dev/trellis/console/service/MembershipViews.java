package dev.trellis.console.service;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.Page;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Foundation staff's memberships: the renewals due, and one partner's membership with its four actions
 * (start, renew, change tier, end), each sent with the membership's version as If-Match.
 */
@ApplicationScoped
public class MembershipViews {

    /** At most this many members are looked at for the renewals list (partner-service has no term-end filter). */
    static final int MAX_MEMBERS = 1000;

    private final PartnersApi partners;

    MembershipViews(@RestClient PartnersApi partners) {
        this.partners = partners;
    }

    /** A member and its membership as of today. */
    public record Line(PartnersApi.Partner partner, PartnersApi.Membership membership) {
    }

    /**
     * The renewals page: terms in grace or ending within {@code withinDays}, soonest first; and the tier changes
     * still to come. {@code complete} is false when there were more members than were looked at.
     */
    public record Renewals(int withinDays, boolean includeAutoRenew, List<Line> due, List<Line> tierChanges, int members,
            boolean complete) {
    }

    /**
     * partner-service lists partners by membership status but not by term end, and its list items carry no
     * membership: so every member is listed (NEW, CURRENT, GRACE, PENDING) and its membership read, one call each.
     */
    public Renewals renewals(int withinDays, boolean includeAutoRenew) {
        List<Line> lines = new ArrayList<>();
        String cursor = null;
        boolean complete = true;
        do {
            Page<PartnersApi.Partner> page = partners.partners(null, null, null, "PENDING,NEW,CURRENT,GRACE", 200, cursor);
            for (PartnersApi.Partner p : page.items()) {
                PartnersApi.Membership m = PartnerViews.orNullOn404(() -> partners.membership(p.id()));
                if (m != null) {
                    lines.add(new Line(p, m));
                }
            }
            cursor = page.next();
            if (cursor != null && lines.size() >= MAX_MEMBERS) {
                complete = false;
                cursor = null;
            }
        } while (cursor != null);
        List<Line> due = lines.stream()
                .filter(l -> !"PENDING".equals(l.membership().status()))
                .filter(l -> includeAutoRenew || !l.membership().autoRenew())
                .filter(l -> "GRACE".equals(l.membership().status()) || l.membership().daysLeft() <= withinDays)
                .sorted(Comparator.comparing((Line l) -> l.membership().termEnd(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(l -> l.partner().name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<Line> tierChanges = lines.stream().filter(l -> l.membership().pendingTierChange() != null)
                .sorted(Comparator.comparing((Line l) -> l.membership().pendingTierChange().effectiveDate(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return new Renewals(withinDays, includeAutoRenew, due, tierChanges, lines.size(), complete);
    }

    /** One partner's membership (null when it has none), its version, and its history, newest first. */
    public record Overview(PartnersApi.Partner partner, PartnersApi.Membership membership, String etag,
            List<PartnersApi.MembershipChange> history) {
        public boolean canStart() {
            return membership == null || !membership.live();
        }
    }

    public Overview overview(UUID partnerId, boolean withHistory) {
        PartnersApi.Partner partner = partners.partner(partnerId);
        RestResponse<PartnersApi.Membership> read = PartnerViews.orNullOn404(() -> partners.membershipWithVersion(partnerId));
        List<PartnersApi.MembershipChange> history = withHistory && read != null
                ? partners.membershipHistory(partnerId, 50).items() : List.of();
        return read == null ? new Overview(partner, null, null, history)
                : new Overview(partner, read.getEntity(), read.getHeaderString("ETag"), history);
    }

    /** What an action's form holds, as typed; one record for the four forms (each uses its own fields). */
    public record ActionForm(String tier, String termStart, String termEnd, boolean autoRenew, String graceDays, String months,
            String effectiveDate, String endDate, String etag) {
        public ActionForm withEtag(String current) {
            return new ActionForm(tier, termStart, termEnd, autoRenew, graceDays, months, effectiveDate, endDate, current);
        }
    }

    /** The four actions, with the form fields each has and the one a refusal of the membership's state is shown next to. */
    public enum Action {
        START("Start a membership", Set.of("tier", "termStart", "termEnd", "autoRenew", "graceDays"), "termStart"),
        RENEW("Renew the membership", Set.of("months"), "months"),
        TIER_CHANGE("Change the tier", Set.of("tier", "effectiveDate"), "tier"),
        END("End the membership", Set.of("endDate"), "endDate");

        private final String title;
        private final Set<String> fields;
        private final String stateField;

        Action(String title, Set<String> fields, String stateField) {
            this.title = title;
            this.fields = fields;
            this.stateField = stateField;
        }

        public String title() {
            return title;
        }

        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Action of(String path) {
            for (Action a : values()) {
                if (a.path().equals(path)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** The form as it first shows: sensible defaults from the membership as it stands. */
    public ActionForm blank(Action action, Overview o) {
        LocalDate today = LocalDate.now();
        PartnersApi.Membership m = o.membership();
        return switch (action) {
            case START -> new ActionForm(m == null ? "SILVER" : m.tier(), today.toString(), today.plusYears(1).minusDays(1).toString(),
                    false, "", "", "", "", o.etag());
            case RENEW -> new ActionForm("", "", "", false, "", "12", "", "", o.etag());
            case TIER_CHANGE -> new ActionForm(m == null ? "" : m.tier(), "", "", false, "", "", today.toString(), "", o.etag());
            case END -> new ActionForm("", "", "", false, "", "", "",
                    (m == null || m.termEnd() == null || m.termEnd().isAfter(today) ? today : m.termEnd()).toString(), o.etag());
        };
    }

    public PartnersApi.Membership act(UUID partnerId, Action action, ActionForm f) {
        return switch (action) {
            case START -> partners.startMembership(partnerId, f.etag(), new PartnersApi.StartMembership(Forms.blankToNull(f.tier()),
                    Forms.date("termStart", f.termStart()), Forms.date("termEnd", f.termEnd()), f.autoRenew(),
                    number("graceDays", f.graceDays())));
            case RENEW -> partners.renewMembership(partnerId, f.etag(), new PartnersApi.Renewal(number("months", f.months())));
            case TIER_CHANGE -> partners.changeTier(partnerId, f.etag(), new PartnersApi.TierChange(Forms.blankToNull(f.tier()),
                    Forms.date("effectiveDate", f.effectiveDate())));
            case END -> partners.endMembership(partnerId, f.etag(), new PartnersApi.MembershipEnd(Forms.date("endDate", f.endDate())));
        };
    }

    /** A refusal on the action's form: field errors next to their fields, a refusal of the membership's state next to its main field. */
    public static FormErrors errors(Action action, ApiProblem problem) {
        if (problem.status() == 412 || problem.status() == 428) {
            return new FormErrors(java.util.Map.of(), List.of("The membership changed since you opened this form (someone "
                    + "else renewed or changed it). It is shown above as it is now; check it and submit again."), List.of(), 412);
        }
        if (problem.errors().isEmpty() && (problem.status() == 409 || problem.status() == 422)) {
            return FormErrors.field(action.stateField, problem.detail());
        }
        return FormErrors.of(problem, action.fields);
    }

    private static Integer number(String field, String value) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new Forms.InvalidField(field, "must be a whole number");
        }
    }
}

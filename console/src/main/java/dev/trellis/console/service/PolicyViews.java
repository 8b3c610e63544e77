package dev.trellis.console.service;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.PolicyApi;
import dev.trellis.console.api.PolicyApi.ActivationThreshold;
import dev.trellis.console.api.PolicyApi.AttendanceRule;
import dev.trellis.console.api.PolicyApi.CompanyCap;
import dev.trellis.console.api.PolicyApi.DecisionRule;
import dev.trellis.console.api.PolicyApi.Fraction;
import dev.trellis.console.api.PolicyApi.SeatAllotment;
import dev.trellis.console.api.PolicyApi.SeatPolicy;
import dev.trellis.console.api.PolicyApi.TermRule;
import dev.trellis.console.api.PolicyApi.TierEntitlement;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A board's seat policy (its charter's rules) for foundation staff and the team: every rule in words, and the
 * form that replaces the whole policy with a PUT and the board's ETag. The console checks only that numbers,
 * fractions and days parse; whether the rules fit together is advisory-service's to say (422 {@code invalid-policy}),
 * and its message is shown at the part of the form it names.
 */
@ApplicationScoped
public class PolicyViews {

    static final List<String> TIERS = List.of("PLATINUM", "GOLD", "SILVER", "END_USER", "ASSOCIATE");
    static final List<String> KINDS = List.of("TIER_APPOINTED", "ELECTED", "EX_OFFICIO", "COMMUNITY");
    /** Kinds that take an allotment: tier-appointed seats come from the tier rules. */
    static final List<String> ALLOTTED_KINDS = List.of("ELECTED", "EX_OFFICIO", "COMMUNITY");
    static final List<String> BASES = List.of("PRESENT", "VOTING_SEATS", "VOTES_CAST");

    private final AdvisoryApi advisory;
    private final PolicyApi policies;

    PolicyViews(@RestClient AdvisoryApi advisory, @RestClient PolicyApi policies) {
        this.advisory = advisory;
        this.policies = policies;
    }

    /** One group of rules in words. */
    public record RuleGroup(String title, List<String> lines) {
    }

    /** The policy page: the board, its rules in words, and the version the edit form sends back. */
    public record PolicyPage(AdvisoryApi.Board board, SeatPolicy policy, List<RuleGroup> rules, String etag) {
    }

    public PolicyPage page(UUID boardId) {
        AdvisoryApi.Board board = advisory.board(boardId);
        RestResponse<SeatPolicy> read = policies.policy(boardId);
        SeatPolicy policy = read.getEntity();
        return new PolicyPage(board, policy, describe(policy), read.getHeaderString("ETag"));
    }

    // ---- the form: what was typed, row by row, with one empty row per list to add one ----

    public record TierRow(String tier, String perMember, String membersPerSeat, String rounding, String max) {
        public boolean blank() {
            return allBlank(tier, perMember, membersPerSeat, max);
        }
    }

    public record SeatRow(String kind, String count, String ratioOfTier, String membersPerSeat, String rounding, String min,
            String max) {
        public boolean blank() {
            return allBlank(kind, count, ratioOfTier, membersPerSeat, min, max);
        }
    }

    public record ActivationRow(String kind, String whenKind, String whenTier, String minFilled) {
        public boolean blank() {
            return allBlank(kind, whenKind, whenTier, minFilled);
        }
    }

    public record CapRow(String scope, String maxSeats, String maxShare, String kinds) {
        public boolean blank() {
            return allBlank(maxSeats, maxShare, kinds);
        }
    }

    /** Whether a row of one of the form's lists was left empty (a row the form offers for adding one). */
    public static boolean blank(Record row) {
        if (row instanceof TierRow t) {
            return t.blank();
        }
        if (row instanceof SeatRow s) {
            return s.blank();
        }
        if (row instanceof ActivationRow a) {
            return a.blank();
        }
        return row instanceof CapRow c && c.blank();
    }

    /** The whole form as typed: numbers, fractions ({@code 2/3}) and the day terms start on ({@code 04-01}) as text. */
    public record PolicyForm(List<TierRow> tiers, List<SeatRow> seats, String totalSeats, List<ActivationRow> activations,
            List<CapRow> caps, String lengthMonths, String startsOn, String maxConsecutiveTerms, String staggerCohorts,
            boolean seatEndsWhenHolderLeavesEmployer, boolean holderMustWorkForPartner, String suspendAfterMissed,
            String restoreAfterAttended, String minShare, String windowDays, boolean alternateCounts, String quorum,
            String decisionBasis, String decisionFraction, boolean decisionStrict, String etag) {

        public PolicyForm withEtag(String current) {
            return new PolicyForm(tiers, seats, totalSeats, activations, caps, lengthMonths, startsOn, maxConsecutiveTerms,
                    staggerCohorts, seatEndsWhenHolderLeavesEmployer, holderMustWorkForPartner, suspendAfterMissed,
                    restoreAfterAttended, minShare, windowDays, alternateCounts, quorum, decisionBasis, decisionFraction,
                    decisionStrict, current);
        }
    }

    /** The form filled with the policy as stored. */
    public static PolicyForm formOf(SeatPolicy p, String etag) {
        List<TierRow> tiers = p.tiers().stream().map(t -> new TierRow(t.tier(), text(t.perMember()), text(t.membersPerSeat()),
                t.rounding(), text(t.max()))).toList();
        List<SeatRow> seats = p.seats().stream().map(s -> new SeatRow(s.kind(), text(s.count()), s.ratioOfTier(),
                text(s.membersPerSeat()), s.rounding(), text(s.min()), text(s.max()))).toList();
        List<ActivationRow> activations = p.activations().stream().map(a -> new ActivationRow(a.kind(), a.whenKind(), a.whenTier(),
                String.valueOf(a.minFilled()))).toList();
        List<CapRow> caps = p.caps().stream().map(c -> new CapRow(c.scope(), text(c.maxSeats()), text(c.maxShare()),
                String.join(", ", c.kinds()))).toList();
        TermRule t = p.terms() == null ? new TermRule(null, null, null, null) : p.terms();
        AttendanceRule a = p.attendance();
        DecisionRule d = p.decision() == null ? new DecisionRule("PRESENT", new Fraction(1, 2), true) : p.decision();
        return new PolicyForm(tiers, seats, text(p.totalSeats()), activations, caps, text(t.lengthMonths()),
                t.startsOn() == null ? "" : t.startsOn().replaceFirst("^--", ""), text(t.maxConsecutiveTerms()),
                text(t.staggerCohorts()), p.seatEndsWhenHolderLeavesEmployer(), p.holderMustWorkForPartner(),
                a == null ? "" : text(a.suspendAfterMissed()), a == null ? "" : text(a.restoreAfterAttended()),
                a == null ? "" : text(a.minShare()), a == null ? "" : text(a.windowDays()), a == null || a.alternateCounts(),
                text(p.quorum()), d.basis(), text(d.fraction()), d.strict(), etag);
    }

    /**
     * The policy the form describes, as advisory-service takes it; empty rows are left out.
     *
     * @throws Forms.InvalidField for a number, fraction, seat kind or day that does not parse
     */
    public static SeatPolicy policyOf(PolicyForm f) {
        List<TierEntitlement> tiers = new ArrayList<>();
        for (int i = 0; i < f.tiers().size(); i++) {
            TierRow r = f.tiers().get(i);
            if (r.blank()) {
                continue;
            }
            String at = "tiers[" + i + "].";
            tiers.add(new TierEntitlement(required(at + "tier", r.tier()), number(at + "perMember", r.perMember()),
                    number(at + "membersPerSeat", r.membersPerSeat()), Forms.blankToNull(r.rounding()), number(at + "max", r.max())));
        }
        List<SeatAllotment> seats = new ArrayList<>();
        for (int i = 0; i < f.seats().size(); i++) {
            SeatRow r = f.seats().get(i);
            if (r.blank()) {
                continue;
            }
            String at = "seats[" + i + "].";
            seats.add(new SeatAllotment(required(at + "kind", r.kind()), number(at + "count", r.count()),
                    Forms.blankToNull(r.ratioOfTier()), number(at + "membersPerSeat", r.membersPerSeat()),
                    Forms.blankToNull(r.rounding()), number(at + "min", r.min()), number(at + "max", r.max())));
        }
        List<ActivationThreshold> activations = new ArrayList<>();
        for (int i = 0; i < f.activations().size(); i++) {
            ActivationRow r = f.activations().get(i);
            if (r.blank()) {
                continue;
            }
            String at = "activations[" + i + "].";
            Integer minFilled = number(at + "minFilled", r.minFilled());
            activations.add(new ActivationThreshold(required(at + "kind", r.kind()), required(at + "whenKind", r.whenKind()),
                    Forms.blankToNull(r.whenTier()), minFilled == null ? requiredNumber(at + "minFilled") : minFilled));
        }
        List<CompanyCap> caps = new ArrayList<>();
        for (int i = 0; i < f.caps().size(); i++) {
            CapRow r = f.caps().get(i);
            if (r.blank()) {
                continue;
            }
            String at = "caps[" + i + "].";
            caps.add(new CompanyCap(Forms.blankToNull(r.scope()), number(at + "maxSeats", r.maxSeats()),
                    fraction(at + "maxShare", r.maxShare()), kinds(at + "kinds", r.kinds())));
        }
        TermRule terms = allBlank(f.lengthMonths(), f.startsOn(), f.maxConsecutiveTerms(), f.staggerCohorts()) ? null
                : new TermRule(number("terms.lengthMonths", f.lengthMonths()), monthDay("terms.startsOn", f.startsOn()),
                        number("terms.maxConsecutiveTerms", f.maxConsecutiveTerms()), number("terms.staggerCohorts", f.staggerCohorts()));
        AttendanceRule attendance = allBlank(f.suspendAfterMissed(), f.restoreAfterAttended(), f.minShare(), f.windowDays()) ? null
                : new AttendanceRule(number("attendance.suspendAfterMissed", f.suspendAfterMissed()),
                        number("attendance.restoreAfterAttended", f.restoreAfterAttended()), fraction("attendance.minShare", f.minShare()),
                        number("attendance.windowDays", f.windowDays()), f.alternateCounts());
        Fraction decisionFraction = fraction("decision.fraction", f.decisionFraction());
        DecisionRule decision = new DecisionRule(Forms.blankToNull(f.decisionBasis()) == null ? "PRESENT" : f.decisionBasis().strip(),
                decisionFraction == null ? new Fraction(1, 2) : decisionFraction, f.decisionStrict());
        return new SeatPolicy(tiers, seats, number("totalSeats", f.totalSeats()), activations, caps, terms,
                f.seatEndsWhenHolderLeavesEmployer(), f.holderMustWorkForPartner(), attendance, fraction("quorum", f.quorum()),
                decision);
    }

    /** Replaces the policy; the answer's ETag is the board's new version. */
    public void replace(UUID boardId, PolicyForm form) {
        SeatPolicy policy = policyOf(form);
        policies.replace(boardId, form.etag(), policy);
    }

    // ---- a refusal, at the part of the form it concerns ----

    private static final Pattern TIER_ROW = Pattern.compile("\\btier (\\S+):");
    private static final Pattern KIND_ROW = Pattern.compile("\\b(ELECTED|EX_OFFICIO|COMMUNITY|TIER_APPOINTED):");

    /**
     * advisory-service's 422 {@code invalid-policy} names no field, only the rule in its detail ({@code tier GOLD: set
     * either perMember or membersPerSeat}); the console places it at the row or part of the form the detail names,
     * else at the top. A 412 or 428 is a version that is no longer the board's.
     */
    public static FormErrors errors(ApiProblem problem, PolicyForm form) {
        if (problem.status() == 412 || problem.status() == 428) {
            return new FormErrors(Map.of(), List.of("The board's policy changed since you opened this form (someone else saved it). "
                    + "The rules as they are now are shown above; your changes are kept below: check them and save again."),
                    List.of(), 412);
        }
        if (!problem.errors().isEmpty()) {
            return FormErrors.of(problem, fieldsOf(form));
        }
        String detail = problem.detail().replaceFirst("^The policy cannot be used: ", "");
        String field = partOf(detail, form);
        if (field == null) {
            return new FormErrors(Map.of(), List.of(problem.detail()), List.of(), problem.status());
        }
        return new FormErrors(Map.of(field, List.of(detail)), List.of(), List.of(), problem.status());
    }

    static String partOf(String detail, PolicyForm form) {
        String d = detail.toLowerCase(Locale.ROOT);
        if (d.contains("totalseats")) {
            return "totalSeats";
        }
        String tierRow = row(TIER_ROW, detail, "tiers", form.tiers().stream().map(t -> t.tier()).toList());
        if (tierRow != null) {
            return tierRow;
        }
        if (d.contains("each tier") || d.contains("tier entitlement")) {
            return "tiers";
        }
        String kindRow = row(KIND_ROW, detail, "seats", form.seats().stream().map(k -> k.kind()).toList());
        if (kindRow != null) {
            return kindRow;
        }
        if (d.contains("allotment") || d.contains("each seat kind")) {
            return "seats";
        }
        if (d.contains("activation")) {
            return "activations";
        }
        if (d.contains("cap") || d.contains("maxseats") || d.contains("maxshare")) {
            return "caps";
        }
        if (d.contains("term")) {
            return "terms";
        }
        if (d.contains("suspendaftermissed") || d.contains("restoreafterattended") || d.contains("minshare") || d.contains("windowdays")) {
            return "attendance";
        }
        if (d.contains("decision")) {
            return "decision";
        }
        if (d.contains("quorum")) {
            return "quorum";
        }
        return null;
    }

    /**
     * When the detail names a row of a list ({@code pattern}'s first group is the row's key): that row's field,
     * {@code list[i]}, or the list itself when no row of the form has that key; null when it names no row.
     */
    private static String row(Pattern pattern, String detail, String list, List<String> keys) {
        Matcher named = pattern.matcher(detail);
        if (!named.find()) {
            return null;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (named.group(1).equals(Forms.blankToNull(keys.get(i)))) {
                return list + "[" + i + "]";
            }
        }
        return list;
    }

    private static Set<String> fieldsOf(PolicyForm form) {
        Set<String> fields = new LinkedHashSet<>(List.of("tiers", "seats", "totalSeats", "activations", "caps", "terms",
                "terms.lengthMonths", "terms.startsOn", "terms.maxConsecutiveTerms", "terms.staggerCohorts", "attendance",
                "attendance.suspendAfterMissed", "attendance.restoreAfterAttended", "attendance.minShare", "attendance.windowDays",
                "quorum", "decision", "decision.fraction"));
        return fields;
    }

    // ---- the form laid out: parts, rows and inputs, each input with the API's field name for its errors ----

    public record Option(String value, String label) {
    }

    /**
     * One input. {@code field} is the API's name ({@code tiers[1].perMember}) that errors are keyed by; {@code name}
     * the form parameter (a list's rows share a name, one value per row, so every row has every input).
     */
    public record Input(String field, String name, String label, String hint, String type, String value, List<Option> options,
            String error) {
        public String id() {
            return Forms.idOf(field);
        }

        public String errorId() {
            return "e-" + id().substring(2);
        }

        public boolean invalid() {
            return error != null && !error.isEmpty();
        }

        public boolean checked() {
            return "true".equals(value);
        }
    }

    /** A row of a list (one tier rule, one cap) or a group of single fields; its own error is one about the whole row. */
    public record Group(String field, String legend, List<Input> inputs, String error) {
        public String id() {
            return Forms.idOf(field);
        }

        public String errorId() {
            return "e-" + id().substring(2);
        }

        public boolean invalid() {
            return error != null && !error.isEmpty();
        }
    }

    public record Part(String field, String title, String hint, List<Group> groups, String error) {
        public String id() {
            return Forms.idOf(field);
        }

        public String errorId() {
            return "e-" + id().substring(2);
        }

        public boolean invalid() {
            return error != null && !error.isEmpty();
        }
    }

    /** The form's parts with what was typed and the errors at their fields; each list gets one empty row more. */
    public static List<Part> layout(PolicyForm f, FormErrors errors) {
        Set<String> tierNames = new LinkedHashSet<>(TIERS);
        f.tiers().forEach(t -> addIfSet(tierNames, t.tier()));
        f.seats().forEach(s -> addIfSet(tierNames, s.ratioOfTier()));
        f.activations().forEach(a -> addIfSet(tierNames, a.whenTier()));
        List<Option> tiers = options(tierNames, true, "(choose)");
        List<Option> anyTier = options(tierNames, true, "(any tier)");
        List<Option> kinds = options(KINDS, true, "(choose)");
        List<Option> allotted = options(ALLOTTED_KINDS, true, "(choose)");
        List<Option> rounding = List.of(new Option("FLOOR", "down"), new Option("CEILING", "up"));
        List<Option> scopes = List.of(new Option("COMPANY_GROUP", "company group"), new Option("ORGANISATION", "organisation"));
        List<Part> parts = new ArrayList<>();

        List<Group> tierRows = new ArrayList<>();
        List<TierRow> tierList = withEmptyRow(f.tiers(), new TierRow("", "", "", "FLOOR", ""));
        for (int i = 0; i < tierList.size(); i++) {
            TierRow r = tierList.get(i);
            String at = "tiers[" + i + "]";
            tierRows.add(group(errors, at, i == tierList.size() - 1 ? "New tier rule" : "Tier rule " + (i + 1), List.of(
                    select(errors, at + ".tier", "tier.tier", "Tier", null, r.tier(), tiers),
                    number(errors, at + ".perMember", "tier.perMember", "Seats per member", "or the next field, not both", r.perMember()),
                    number(errors, at + ".membersPerSeat", "tier.membersPerSeat", "One seat per this many members", null, r.membersPerSeat()),
                    select(errors, at + ".rounding", "tier.rounding", "Rounding", null, r.rounding(), rounding),
                    number(errors, at + ".max", "tier.max", "At most this many seats", "empty: no limit", r.max()))));
        }
        parts.add(part(errors, "tiers", "Seats appointed by membership tier", "Leave a row's tier empty to remove it.", tierRows));

        List<Group> seatRows = new ArrayList<>();
        List<SeatRow> seatList = withEmptyRow(f.seats(), new SeatRow("", "", "", "", "FLOOR", "", ""));
        for (int i = 0; i < seatList.size(); i++) {
            SeatRow r = seatList.get(i);
            String at = "seats[" + i + "]";
            seatRows.add(group(errors, at, i == seatList.size() - 1 ? "New kind of seat" : "Seats of a kind " + (i + 1), List.of(
                    select(errors, at + ".kind", "seat.kind", "Kind", null, r.kind(), allotted),
                    number(errors, at + ".count", "seat.count", "Number of seats", "or a ratio of a tier's members, not both", r.count()),
                    select(errors, at + ".ratioOfTier", "seat.ratioOfTier", "Ratio of the members of tier", null, r.ratioOfTier(),
                            options(tierNames, true, "(no ratio)")),
                    number(errors, at + ".membersPerSeat", "seat.membersPerSeat", "One seat per this many members", null, r.membersPerSeat()),
                    select(errors, at + ".rounding", "seat.rounding", "Rounding", null, r.rounding(), rounding),
                    number(errors, at + ".min", "seat.min", "At least", null, r.min()),
                    number(errors, at + ".max", "seat.max", "At most", null, r.max()))));
        }
        seatRows.add(single("totalSeats", "The whole board", List.of(
                number(errors, "totalSeats", "totalSeats", "Most seats in all", "empty: no limit", f.totalSeats()))));
        parts.add(part(errors, "seats", "Elected, community and ex-officio seats", "Leave a row's kind empty to remove it.", seatRows));

        List<Group> activationRows = new ArrayList<>();
        List<ActivationRow> activationList = withEmptyRow(f.activations(), new ActivationRow("", "", "", ""));
        for (int i = 0; i < activationList.size(); i++) {
            ActivationRow r = activationList.get(i);
            String at = "activations[" + i + "]";
            activationRows.add(group(errors, at, i == activationList.size() - 1 ? "New threshold" : "Threshold " + (i + 1), List.of(
                    select(errors, at + ".kind", "activation.kind", "Seats of this kind exist", null, r.kind(), kinds),
                    number(errors, at + ".minFilled", "activation.minFilled", "once at least this many seats", null, r.minFilled()),
                    select(errors, at + ".whenKind", "activation.whenKind", "of this kind", null, r.whenKind(), kinds),
                    select(errors, at + ".whenTier", "activation.whenTier", "for this tier", null, r.whenTier(), anyTier))));
        }
        parts.add(part(errors, "activations", "Seats that open only when others are filled", null, activationRows));

        List<Group> capRows = new ArrayList<>();
        List<CapRow> capList = withEmptyRow(f.caps(), new CapRow("COMPANY_GROUP", "", "", ""));
        for (int i = 0; i < capList.size(); i++) {
            CapRow r = capList.get(i);
            String at = "caps[" + i + "]";
            capRows.add(group(errors, at, i == capList.size() - 1 ? "New cap" : "Cap " + (i + 1), List.of(
                    select(errors, at + ".scope", "cap.scope", "Per", null, r.scope(), scopes),
                    number(errors, at + ".maxSeats", "cap.maxSeats", "At most this many seats", "or a share, not both", r.maxSeats()),
                    text(errors, at + ".maxShare", "cap.maxShare", "At most this share of the seats", "a fraction such as 1/3", r.maxShare()),
                    text(errors, at + ".kinds", "cap.kinds", "Of these kinds of seat",
                            "e.g. ELECTED, COMMUNITY; empty: every kind", r.kinds()))));
        }
        parts.add(part(errors, "caps", "Company caps", "Empty both limits of a row to remove it.", capRows));

        parts.add(part(errors, "terms", "Terms", null, List.of(single("terms", "Terms of the seats", List.of(
                number(errors, "terms.lengthMonths", "terms.lengthMonths", "A term is at most this many months", "empty: open-ended seats allowed",
                        f.lengthMonths()),
                text(errors, "terms.startsOn", "terms.startsOn", "Every term starts on", "month and day, such as 04-01; empty: any day",
                        f.startsOn()),
                number(errors, "terms.maxConsecutiveTerms", "terms.maxConsecutiveTerms", "Most terms in a row", "empty: no limit",
                        f.maxConsecutiveTerms()),
                number(errors, "terms.staggerCohorts", "terms.staggerCohorts", "Staggered over this many cohorts", "empty: not staggered",
                        f.staggerCohorts()))))));

        parts.add(part(errors, "holders", "Holders and their employers", null, List.of(single("holders", "Holders", List.of(
                check("holderMustWorkForPartner", "A seat held for a partner needs a holder who works for it", f.holderMustWorkForPartner()),
                check("seatEndsWhenHolderLeavesEmployer", "The seat ends when its holder leaves the partner it is held for",
                        f.seatEndsWhenHolderLeavesEmployer()))))));

        parts.add(part(errors, "attendance", "Attendance", "Empty: voting is never suspended for attendance.",
                List.of(single("attendance", "Voting and attendance", List.of(
                        number(errors, "attendance.suspendAfterMissed", "attendance.suspendAfterMissed",
                                "Voting is suspended after this many meetings missed in a row", null, f.suspendAfterMissed()),
                        number(errors, "attendance.restoreAfterAttended", "attendance.restoreAfterAttended",
                                "and restored after this many attended in a row", "empty: 1", f.restoreAfterAttended()),
                        text(errors, "attendance.minShare", "attendance.minShare", "At least this share of meetings attended",
                                "a fraction such as 1/2, with the days below", f.minShare()),
                        number(errors, "attendance.windowDays", "attendance.windowDays", "over the last this many days", null, f.windowDays()),
                        check("attendance.alternateCounts", "A meeting where the alternate stood in counts as attended",
                                f.alternateCounts()))))));

        parts.add(part(errors, "decision", "Quorum and decisions", null, List.of(single("decision", "Meetings", List.of(
                text(errors, "quorum", "quorum", "Quorum: this share of the voting seats present", "a fraction such as 2/3; empty: no quorum",
                        f.quorum()),
                select(errors, "decision.strict", "decision.strict", "A resolution passes with yes votes of", null,
                        f.decisionStrict() ? "true" : "false", List.of(new Option("true", "more than"), new Option("false", "at least"))),
                text(errors, "decision.fraction", "decision.fraction", "this share", "a fraction such as 1/2", f.decisionFraction()),
                select(errors, "decision.basis", "decision.basis", "of", null, f.decisionBasis(), List.of(
                        new Option("PRESENT", "the voting members present"), new Option("VOTING_SEATS", "all voting seats"),
                        new Option("VOTES_CAST", "the yes and no votes cast"))))))));
        return parts;
    }

    private static <T> List<T> withEmptyRow(List<T> rows, T empty) {
        List<T> all = new ArrayList<>(rows);
        all.add(empty);
        return all;
    }

    private static void addIfSet(Set<String> names, String value) {
        if (Forms.blankToNull(value) != null) {
            names.add(value.strip());
        }
    }

    private static List<Option> options(java.util.Collection<String> values, boolean withEmpty, String emptyLabel) {
        List<Option> options = new ArrayList<>();
        if (withEmpty) {
            options.add(new Option("", emptyLabel));
        }
        values.forEach(v -> options.add(new Option(v, words(v))));
        return options;
    }

    private static Part part(FormErrors errors, String field, String title, String hint, List<Group> groups) {
        return new Part(field, title, hint, groups, errors.has(field) ? errors.of(field) : null);
    }

    private static Group group(FormErrors errors, String field, String legend, List<Input> inputs) {
        return new Group(field, legend, inputs, errors.has(field) ? errors.of(field) : null);
    }

    /** The fields of a part that is not a list: its errors are the part's or the inputs'. */
    private static Group single(String part, String legend, List<Input> inputs) {
        return new Group(part + ".fields", legend, inputs, null);
    }

    private static Input number(FormErrors errors, String field, String name, String label, String hint, String value) {
        return new Input(field, name, label, hint, "number", value == null ? "" : value, List.of(), errors.has(field) ? errors.of(field) : null);
    }

    private static Input text(FormErrors errors, String field, String name, String label, String hint, String value) {
        return new Input(field, name, label, hint, "text", value == null ? "" : value, List.of(), errors.has(field) ? errors.of(field) : null);
    }

    private static Input select(FormErrors errors, String field, String name, String label, String hint, String value, List<Option> options) {
        return new Input(field, name, label, hint, "select", value == null ? "" : value, options, errors.has(field) ? errors.of(field) : null);
    }

    private static Input check(String field, String label, boolean checked) {
        return new Input(field, field, label, null, "checkbox", checked ? "true" : "", List.of(), null);
    }

    // ---- parsing what was typed ----

    private static boolean allBlank(String... values) {
        for (String v : values) {
            if (Forms.blankToNull(v) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String required(String field, String value) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            throw new Forms.InvalidField(field, "must be chosen");
        }
        return v;
    }

    private static int requiredNumber(String field) {
        throw new Forms.InvalidField(field, "must be a whole number");
    }

    static Integer number(String field, String value) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new Forms.InvalidField(field, "must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Forms.InvalidField(field, "must be a whole number");
        }
    }

    private static final Pattern FRACTION = Pattern.compile("(\\d{1,6})\\s*/\\s*(\\d{1,6})");

    static Fraction fraction(String field, String value) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            return null;
        }
        Matcher m = FRACTION.matcher(v);
        if (!m.matches()) {
            throw new Forms.InvalidField(field, "must be a fraction such as 2/3");
        }
        int numerator = Integer.parseInt(m.group(1));
        int denominator = Integer.parseInt(m.group(2));
        if (denominator == 0 || numerator > denominator) {
            throw new Forms.InvalidField(field, "must be a fraction between 0 and 1, such as 2/3");
        }
        return new Fraction(numerator, denominator);
    }

    static String monthDay(String field, String value) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return MonthDay.parse("--" + v.replaceFirst("^--", "")).toString();
        } catch (DateTimeException e) {
            throw new Forms.InvalidField(field, "must be a month and day such as 04-01");
        }
    }

    static List<String> kinds(String field, String value) {
        String v = Forms.blankToNull(value);
        if (v == null) {
            return List.of();
        }
        List<String> kinds = new ArrayList<>();
        for (String part : v.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String kind = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (!KINDS.contains(kind)) {
                throw new Forms.InvalidField(field, "must name kinds of seat among " + String.join(", ", KINDS));
            }
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    // ---- the rules in words ----

    static String words(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "TIER_APPOINTED" -> "tier-appointed";
            case "EX_OFFICIO" -> "ex-officio";
            case "END_USER" -> "End user";
            default -> code.length() > 1 && KINDS.contains(code) ? code.toLowerCase(Locale.ROOT)
                    : code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String rounded(String rounding) {
        return "CEILING".equals(rounding) ? "rounded up" : "rounded down";
    }

    private static String seats(int n) {
        return n == 1 ? "1 seat" : n + " seats";
    }

    /** Every rule of the policy in plain words, in the order of the form. */
    public static List<RuleGroup> describe(SeatPolicy p) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> tiers = new ArrayList<>();
        for (TierEntitlement t : p.tiers()) {
            String tier = words(t.tier());
            if (t.perMember() != null) {
                tiers.add("Each " + tier + " member appoints " + seats(t.perMember()) + ".");
            } else {
                tiers.add(tier + " members appoint one seat per " + t.membersPerSeat() + " members (" + rounded(t.rounding()) + ")"
                        + (t.max() == null ? "." : ", at most " + seats(t.max()) + "."));
            }
        }
        groups.put("Seats appointed by membership tier", tiers.isEmpty() ? List.of("No seats are appointed by tier.") : tiers);

        List<String> other = new ArrayList<>();
        for (SeatAllotment s : p.seats()) {
            String kind = words(s.kind());
            if (s.count() != null) {
                other.add((s.count() == 1 ? "1 " + kind + " seat." : s.count() + " " + kind + " seats."));
            } else {
                String limits = (s.min() == null ? "" : ", at least " + s.min()) + (s.max() == null ? "" : ", at most " + s.max());
                other.add(capitalised(kind) + " seats: one per " + s.membersPerSeat() + " " + words(s.ratioOfTier()) + " members ("
                        + rounded(s.rounding()) + ")" + limits + ".");
            }
        }
        if (other.isEmpty()) {
            other.add("No elected, community or ex-officio seats.");
        }
        other.add(p.totalSeats() == null ? "No limit on the number of seats in all." : "At most " + seats(p.totalSeats()) + " in all.");
        groups.put("Elected, community and ex-officio seats", other);

        List<String> activations = new ArrayList<>();
        for (ActivationThreshold a : p.activations()) {
            activations.add(capitalised(words(a.kind())) + " seats exist only once " + a.minFilled() + " " + words(a.whenKind())
                    + (a.minFilled() == 1 ? " seat" : " seats") + (a.whenTier() == null ? "" : " for " + words(a.whenTier()) + " members")
                    + (a.minFilled() == 1 ? " is" : " are") + " filled.");
        }
        if (!activations.isEmpty()) {
            groups.put("Seats that open only when others are filled", activations);
        }

        List<String> caps = new ArrayList<>();
        for (CompanyCap c : p.caps()) {
            String who = "ORGANISATION".equals(c.scope()) ? "One organisation" : "One company group (a company with its parents and subsidiaries)";
            String of = c.kinds().isEmpty() ? "seats of any kind"
                    : "the " + String.join(" and ", c.kinds().stream().map(PolicyViews::words).toList()) + " seats";
            caps.add(c.maxSeats() != null ? who + " holds at most " + c.maxSeats() + " " + of.replaceFirst("^the ", "").replaceFirst(
                    "^seats", c.maxSeats() == 1 ? "seat" : "seats") + "."
                    : who + " holds at most " + c.maxShare() + " of " + of + " (rounded down).");
        }
        groups.put("Company caps", caps.isEmpty() ? List.of("No company cap: one company may hold any number of seats.") : caps);

        List<String> terms = new ArrayList<>();
        TermRule t = p.terms() == null ? new TermRule(null, null, null, null) : p.terms();
        terms.add(t.lengthMonths() == null ? "Terms may be open-ended." : "A term is at most " + t.lengthMonths() + " months.");
        if (t.startsOn() != null) {
            terms.add("Every term starts on " + dayOfYear(t.startsOn()) + ".");
        }
        terms.add(t.maxConsecutiveTerms() == null ? "No limit on terms in a row."
                : "A holder serves at most " + t.maxConsecutiveTerms() + (t.maxConsecutiveTerms() == 1 ? " term" : " terms")
                        + " in a row (a break shorter than one term does not interrupt a run).");
        if (t.staggerCohorts() != null) {
            terms.add("Terms are staggered over " + t.staggerCohorts() + " cohorts: at most 1/" + t.staggerCohorts()
                    + " of the seats (rounded up) may end their terms in one year.");
        }
        groups.put("Terms", terms);

        groups.put("Holders and their employers", List.of(
                p.holderMustWorkForPartner() ? "A seat held for a partner needs a holder who works for it."
                        : "A seat's holder need not work for the partner it is held for.",
                p.seatEndsWhenHolderLeavesEmployer() ? "The seat ends when its holder leaves the partner it is held for."
                        : "The seat stays with its holder when they change employer (company caps are checked again)."));

        List<String> attendance = new ArrayList<>();
        AttendanceRule a = p.attendance();
        if (a == null || (a.suspendAfterMissed() == null && a.minShare() == null)) {
            attendance.add("Voting is never suspended for attendance.");
        } else {
            if (a.suspendAfterMissed() != null) {
                attendance.add("Voting is suspended after " + a.suspendAfterMissed() + " meetings missed in a row, and restored after "
                        + (a.restoreAfterAttended() == null ? 1 : a.restoreAfterAttended()) + " attended in a row.");
            }
            if (a.minShare() != null) {
                attendance.add("At least " + a.minShare() + " of the meetings in the last " + a.windowDays() + " days must be attended.");
            }
            attendance.add(a.alternateCounts() ? "A meeting where the alternate stood in counts as attended."
                    : "A meeting where only the alternate came counts as missed.");
        }
        groups.put("Attendance", attendance);

        DecisionRule d = p.decision() == null ? new DecisionRule("PRESENT", new Fraction(1, 2), true) : p.decision();
        String basis = "VOTING_SEATS".equals(d.basis()) ? "all voting seats" : "VOTES_CAST".equals(d.basis())
                ? "the yes and no votes cast (abstentions do not count)" : "the voting members present";
        groups.put("Quorum and decisions", List.of(
                p.quorum() == null ? "No quorum: any attendance makes one."
                        : "Quorum: at least " + p.quorum() + " of the voting seats present (an alternate standing in counts).",
                "A resolution passes with yes votes of " + (d.strict() ? "more than " : "at least ") + d.fraction() + " of " + basis + "."));

        List<RuleGroup> out = new ArrayList<>();
        groups.forEach((title, lines) -> out.add(new RuleGroup(title, lines)));
        return out;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String dayOfYear(String startsOn) {
        try {
            MonthDay day = MonthDay.parse(startsOn);
            return day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        } catch (DateTimeException e) {
            return startsOn;
        }
    }
}

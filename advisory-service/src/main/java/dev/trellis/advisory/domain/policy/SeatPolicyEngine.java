package dev.trellis.advisory.domain.policy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Checks appointments against a {@link SeatPolicy}, re-checks the seats a board holds, and counts
 * entitlements. Pure: everything it needs is in the policy and the {@link BoardState}.
 *
 * <p>Seats count together when they are held on the same day: an appointment is judged against the
 * seats held on the first day of its term.
 */
public final class SeatPolicyEngine {
    private SeatPolicyEngine() {
    }

    /** The rules the appointment would break; empty if it may go ahead. */
    public static List<Violation> check(SeatPolicy policy, BoardState state, Holding a) {
        List<Violation> out = new ArrayList<>();
        if (a.termEnd() != null && a.termEnd().isBefore(a.termStart())) {
            out.add(Violation.invalid("term-dates", "The term ends before it starts"));
            return out;
        }
        LocalDate day = a.termStart();
        List<Holding> held = state.holdings().stream()
                .filter(h -> !Objects.equals(h.seatId(), a.seatId()) && h.heldOn(day)).toList();
        Map<String, Integer> members = state.membersPerTier();

        if (held.stream().anyMatch(h -> h.holderContactId().equals(a.holderContactId()))) {
            out.add(Violation.conflict("holder-already-seated", "The holder already holds a seat on this board on " + day));
        }
        checkKind(policy, state, a, held, members, out);
        if (policy.totalSeats() != null && held.size() + 1 > policy.totalSeats()) {
            out.add(Violation.conflict("total-seats", "The board has " + policy.totalSeats() + " seats and all are filled"));
        }
        for (ActivationThreshold t : policy.activations()) {
            if (t.kind() == a.kind()) {
                long filled = held.stream().filter(activating(t)).count();
                if (filled < t.minFilled()) {
                    out.add(Violation.conflict("activation-threshold", kindName(a.kind()) + " seats exist only once "
                            + t.minFilled() + " " + (t.whenTier() == null ? "" : t.whenTier() + " ") + kindName(t.whenKind())
                            + " seats are filled; " + filled + " are"));
                }
            }
        }
        for (CompanyCap cap : policy.caps()) {
            if (!cap.covers(a.kind())) {
                continue;
            }
            int limit = cap.limit(coveredSeats(policy, cap, members));
            long already = 0;
            for (UUID company : state.companiesOf(a, cap.scope())) {
                already = Math.max(already, held.stream()
                        .filter(h -> cap.covers(h.kind()) && state.companiesOf(h, cap.scope()).contains(company)).count());
            }
            if (!state.companiesOf(a, cap.scope()).isEmpty() && already + 1 > limit) {
                out.add(Violation.conflict(cap.rule(), "At most " + limit + " seat(s) may be held for one "
                        + (cap.scope() == CapScope.COMPANY_GROUP ? "related-company group" : "organisation")
                        + "; " + already + " already are"));
            }
        }
        checkTerms(policy, state, a, held, out);
        if (policy.holderMustWorkForPartner() && a.partnerId() != null
                && (a.holderEmployers() == null || !a.holderEmployers().contains(a.partnerId()))) {
            out.add(Violation.conflict("holder-affiliation", "The holder is not affiliated with the partner the seat is held for"));
        }
        return out;
    }

    private static void checkKind(SeatPolicy policy, BoardState state, Holding a, List<Holding> held,
            Map<String, Integer> members, List<Violation> out) {
        boolean open = policy.tiers().isEmpty() && policy.seats().isEmpty();
        if (a.kind() == SeatKind.TIER_APPOINTED) {
            if (a.tierBasis() == null || a.partnerId() == null) {
                out.add(Violation.invalid("tier-basis", "A tier-appointed seat names its partner and tier basis"));
                return;
            }
            PartnerFacts partner = state.partners().get(a.partnerId());
            if (partner == null || !partner.active()) {
                out.add(Violation.conflict("partner-not-member", "The partner is not an active member"));
            } else if (!a.tierBasis().equals(partner.tier())) {
                out.add(Violation.conflict("tier-mismatch", "The partner's tier is " + partner.tier() + ", not " + a.tierBasis()));
            }
            if (open) {
                return;
            }
            TierEntitlement tier = policy.tier(a.tierBasis()).orElse(null);
            if (tier == null) {
                out.add(Violation.invalid("tier-entitlement", "Tier " + a.tierBasis() + " appoints no seats on this board"));
                return;
            }
            List<Holding> ofTier = held.stream()
                    .filter(h -> h.kind() == SeatKind.TIER_APPOINTED && a.tierBasis().equals(h.tierBasis())).toList();
            int entitled = tier.seats(members.getOrDefault(a.tierBasis(), 0));
            if (ofTier.size() + 1 > entitled) {
                out.add(Violation.conflict("tier-entitlement", "Tier " + a.tierBasis() + " is entitled to " + entitled
                        + " seat(s) with " + members.getOrDefault(a.tierBasis(), 0) + " member(s); " + ofTier.size() + " are filled"));
            } else if (tier.perMember() != null
                    && ofTier.stream().filter(h -> a.partnerId().equals(h.partnerId())).count() + 1 > tier.perMember()) {
                out.add(Violation.conflict("tier-entitlement", "Each " + a.tierBasis() + " member appoints "
                        + tier.perMember() + " seat(s), and this partner's are filled"));
            }
            return;
        }
        if (open) {
            return;
        }
        SeatAllotment allotment = policy.allotment(a.kind()).orElse(null);
        if (allotment == null) {
            out.add(Violation.invalid("seat-kind", "This board has no " + kindName(a.kind()) + " seats"));
            return;
        }
        long filled = held.stream().filter(h -> h.kind() == a.kind()).count();
        int seats = allotment.seats(members);
        if (filled + 1 > seats) {
            out.add(Violation.conflict("seat-count", "The board has " + seats + " " + kindName(a.kind())
                    + " seat(s) and " + filled + " are filled"));
        }
    }

    private static void checkTerms(SeatPolicy policy, BoardState state, Holding a, List<Holding> held, List<Violation> out) {
        TermRule terms = policy.terms();
        if (terms.lengthMonths() != null) {
            if (a.termEnd() == null) {
                out.add(Violation.invalid("term-length", "Terms on this board end; give the term's last day"));
            } else if (a.termEnd().isAfter(a.termStart().plusMonths(terms.lengthMonths()).minusDays(1))) {
                out.add(Violation.invalid("term-length", "A term lasts at most " + terms.lengthMonths() + " months"));
            }
        }
        if (terms.startsOn() != null && !MonthDay.from(a.termStart()).equals(terms.startsOn())) {
            out.add(Violation.invalid("term-start", "Terms start on " + terms.startsOn().getMonth() + " " + terms.startsOn().getDayOfMonth()));
        }
        if (terms.maxConsecutiveTerms() != null) {
            int run = consecutiveTermsBefore(state, a, terms);
            if (run + 1 > terms.maxConsecutiveTerms()) {
                out.add(Violation.conflict("term-limit", "The holder has served " + run + " consecutive term(s); at most "
                        + terms.maxConsecutiveTerms() + " are allowed"));
            }
        }
        if (terms.staggerCohorts() != null && a.termEnd() != null) {
            int seats = boardSeats(policy, state.membersPerTier());
            int perYear = (seats + terms.staggerCohorts() - 1) / terms.staggerCohorts();
            long sameYear = held.stream().filter(h -> h.termEnd() != null && h.termEnd().getYear() == a.termEnd().getYear()).count();
            if (seats > 0 && sameYear + 1 > perYear) {
                out.add(Violation.conflict("staggered-terms", "Terms are staggered: at most " + perYear
                        + " may end in " + a.termEnd().getYear() + ", and " + sameYear + " do"));
            }
        }
    }

    /** Earlier terms of the same holder that run into this one, each starting less than a term after the previous ended. */
    private static int consecutiveTermsBefore(BoardState state, Holding a, TermRule terms) {
        List<Holding> earlier = state.holdings().stream()
                .filter(h -> h.holderContactId().equals(a.holderContactId()) && !Objects.equals(h.seatId(), a.seatId())
                        && h.termStart().isBefore(a.termStart()) && h.termEnd() != null)
                .sorted(Comparator.comparing(Holding::termStart).reversed()).toList();
        int run = 0;
        LocalDate next = a.termStart();
        for (Holding h : earlier) {
            LocalDate breakStart = terms.lengthMonths() == null ? next.minusYears(1) : next.minusMonths(terms.lengthMonths());
            if (h.termEnd().isBefore(breakStart)) {
                break;
            }
            run++;
            next = h.termStart();
        }
        return run;
    }

    /** A problem with a seat the board holds. */
    public record Finding(UUID seatId, String rule, String reasonCode, String detail) {
    }

    /**
     * Re-checks the seats held on {@code day} against the policy as the board stands now: a lapsed
     * partner, a holder who left the partner, a company over its cap, a tier over its entitlement, a
     * seat kind no longer active.
     */
    public static List<Finding> audit(SeatPolicy policy, BoardState state, LocalDate day) {
        List<Finding> out = new ArrayList<>();
        List<Holding> held = state.holdings().stream().filter(h -> h.heldOn(day))
                .sorted(Comparator.comparing(Holding::termStart)).toList();
        Map<String, Integer> members = state.membersPerTier();
        for (Holding h : held) {
            PartnerFacts partner = h.partnerId() == null ? null : state.partners().get(h.partnerId());
            if (h.kind() == SeatKind.TIER_APPOINTED && partner != null && !partner.active()) {
                out.add(new Finding(h.seatId(), "partner-not-member", FlagCodes.MEMBERSHIP_NOT_CURRENT,
                        "The partner the seat is held for is no longer a current member"));
            } else if (h.kind() == SeatKind.TIER_APPOINTED && partner != null && !Objects.equals(partner.tier(), h.tierBasis())) {
                out.add(new Finding(h.seatId(), "tier-mismatch", FlagCodes.TIER_CHANGED, "The partner's tier is now " + partner.tier()
                        + ", the seat was appointed as " + h.tierBasis()));
            }
            if (h.holderLeftPartner()) {
                out.add(new Finding(h.seatId(), "holder-affiliation", FlagCodes.HOLDER_LEFT_PARTNER,
                        "The holder is no longer affiliated with the partner the seat is held for"));
            }
        }
        for (TierEntitlement tier : policy.tiers()) {
            // a lapsed partner's seat is flagged for the lapse already
            List<Holding> ofTier = held.stream().filter(h -> h.kind() == SeatKind.TIER_APPOINTED && tier.tier().equals(h.tierBasis())
                    && (state.partners().get(h.partnerId()) == null || state.partners().get(h.partnerId()).active())).toList();
            int entitled = tier.seats(members.getOrDefault(tier.tier(), 0));
            ofTier.stream().skip(entitled).forEach(h -> out.add(new Finding(h.seatId(), "tier-entitlement", FlagCodes.ENTITLEMENT_EXCEEDED,
                    "Tier " + tier.tier() + " is now entitled to " + entitled + " seat(s) and holds " + ofTier.size())));
        }
        for (ActivationThreshold t : policy.activations()) {
            long filled = held.stream().filter(activating(t)).count();
            if (filled < t.minFilled()) {
                held.stream().filter(h -> h.kind() == t.kind()).forEach(h -> out.add(new Finding(h.seatId(), "activation-threshold",
                        FlagCodes.SEAT_INACTIVE, kindName(t.kind()) + " seats need " + t.minFilled() + " filled " + kindName(t.whenKind()) + " seats")));
            }
        }
        for (CompanyCap cap : policy.caps()) {
            int limit = cap.limit(coveredSeats(policy, cap, members));
            Map<UUID, List<Holding>> byCompany = new LinkedHashMap<>();
            held.stream().filter(h -> cap.covers(h.kind())).forEach(h -> state.companiesOf(h, cap.scope())
                    .forEach(company -> byCompany.computeIfAbsent(company, c -> new ArrayList<>()).add(h)));
            byCompany.values().stream().filter(seats -> seats.size() > limit).forEach(seats -> seats.forEach(h ->
                    out.add(new Finding(h.seatId(), cap.rule(), FlagCodes.GROUP_CAP_EXCEEDED, "One " + (cap.scope() == CapScope.COMPANY_GROUP
                            ? "company group" : "organisation") + " holds " + seats.size() + " seats; at most " + limit + " are allowed"))));
        }
        return out;
    }

    /** Entitled, allotted and filled seats per tier and per kind, and each company's seats against each cap. */
    public record Composition(List<TierLine> tiers, List<KindLine> kinds, List<CompanyLine> companies) {
    }

    public record TierLine(String tier, int members, int entitled, int filled) {
        public int vacancies() {
            return Math.max(0, entitled - filled);
        }
    }

    public record KindLine(SeatKind kind, int seats, boolean active, int filled) {
        public int vacancies() {
            return active ? Math.max(0, seats - filled) : 0;
        }
    }

    public record CompanyLine(String rule, UUID company, int held, int limit) {
        public boolean over() {
            return held > limit;
        }
    }

    public static Composition composition(SeatPolicy policy, BoardState state, LocalDate day) {
        List<Holding> held = state.holdings().stream().filter(h -> h.heldOn(day)).toList();
        Map<String, Integer> members = state.membersPerTier();
        List<TierLine> tiers = policy.tiers().stream().map(t -> new TierLine(t.tier(), members.getOrDefault(t.tier(), 0),
                t.seats(members.getOrDefault(t.tier(), 0)), (int) held.stream()
                        .filter(h -> h.kind() == SeatKind.TIER_APPOINTED && t.tier().equals(h.tierBasis())).count())).toList();
        List<KindLine> kinds = policy.seats().stream().map(s -> new KindLine(s.kind(), s.seats(members),
                policy.activations().stream().filter(t -> t.kind() == s.kind())
                        .allMatch(t -> held.stream().filter(activating(t)).count() >= t.minFilled()),
                (int) held.stream().filter(h -> h.kind() == s.kind()).count())).toList();
        List<CompanyLine> companies = new ArrayList<>();
        for (CompanyCap cap : policy.caps()) {
            int limit = cap.limit(coveredSeats(policy, cap, members));
            Map<UUID, Integer> counts = new HashMap<>();
            held.stream().filter(h -> cap.covers(h.kind())).flatMap(h -> state.companiesOf(h, cap.scope()).stream())
                    .forEach(c -> counts.merge(c, 1, Integer::sum));
            counts.entrySet().stream().sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> companies.add(new CompanyLine(cap.rule(), e.getKey(), e.getValue(), limit)));
        }
        return new Composition(tiers, kinds, companies);
    }

    /** One company group's seats held on a day, and the most its tightest company-group cap allows (null: none). */
    public record GroupLine(UUID group, int seats, Integer cap) {
    }

    /**
     * The seats held on {@code day} per company group, largest first (then by group id): a seat counts for the group
     * of its holder's current employer, else of its partner ({@link BoardState#companiesOf}); a personal seat of a
     * holder employed by no known partner counts for none. The cap is the lowest limit of the policy's company-group
     * caps, whatever seat kinds they cover.
     */
    public static List<GroupLine> groups(SeatPolicy policy, BoardState state, LocalDate day) {
        Map<UUID, Integer> counts = new HashMap<>();
        state.holdings().stream().filter(h -> h.heldOn(day))
                .flatMap(h -> state.companiesOf(h, CapScope.COMPANY_GROUP).stream())
                .forEach(g -> counts.merge(g, 1, Integer::sum));
        Map<String, Integer> members = state.membersPerTier();
        Integer cap = policy.caps().stream().filter(c -> c.scope() == CapScope.COMPANY_GROUP)
                .map(c -> c.limit(coveredSeats(policy, c, members))).min(Integer::compare).orElse(null);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new GroupLine(e.getKey(), e.getValue(), cap)).toList();
    }

    /** A member's own tier-appointed seats on a day: what its tier gives each member, and how many it fills. */
    public record EntitlementLine(UUID partner, String tier, int entitled, int filled) {
        public boolean unfilled() {
            return filled < entitled;
        }
    }

    /**
     * Each current member whose tier gives every member seats of its own ({@code perMember}, CNCF Platinum) on
     * {@code day}, with the tier-appointed seats held for it under that tier, by partner id. Seats a tier's members
     * share ({@code membersPerSeat}: Gold, 1 per 5) belong to no single member and are not listed.
     */
    public static List<EntitlementLine> entitlements(SeatPolicy policy, BoardState state, LocalDate day) {
        List<EntitlementLine> out = new ArrayList<>();
        for (PartnerFacts p : state.partners().values()) {
            if (!p.active() || p.tier() == null) {
                continue;
            }
            TierEntitlement tier = policy.tier(p.tier()).orElse(null);
            if (tier == null || tier.perMember() == null) {
                continue;
            }
            int filled = (int) state.holdings().stream().filter(h -> h.heldOn(day) && h.kind() == SeatKind.TIER_APPOINTED
                    && p.partnerId().equals(h.partnerId()) && p.tier().equals(h.tierBasis())).count();
            out.add(new EntitlementLine(p.partnerId(), p.tier(), tier.perMember(), filled));
        }
        out.sort(Comparator.comparing(EntitlementLine::partner));
        return out;
    }

    private static Predicate<Holding> activating(ActivationThreshold t) {
        return h -> h.kind() == t.whenKind() && (t.whenTier() == null || t.whenTier().equals(h.tierBasis()));
    }

    /** How many seats a share cap is a share of: the seats of the kinds it covers. */
    private static int coveredSeats(SeatPolicy policy, CompanyCap cap, Map<String, Integer> members) {
        if (cap.kinds().isEmpty()) {
            return boardSeats(policy, members);
        }
        int seats = 0;
        for (SeatKind kind : cap.kinds()) {
            if (kind == SeatKind.TIER_APPOINTED) {
                seats += policy.tiers().stream().mapToInt(t -> t.seats(members.getOrDefault(t.tier(), 0))).sum();
            } else {
                seats += policy.allotment(kind).map(s -> s.seats(members)).orElse(0);
            }
        }
        return seats;
    }

    /** All the board's seats: {@code totalSeats} if set, else its entitlements and allotments together. */
    public static int boardSeats(SeatPolicy policy, Map<String, Integer> members) {
        if (policy.totalSeats() != null) {
            return policy.totalSeats();
        }
        return policy.tiers().stream().mapToInt(t -> t.seats(members.getOrDefault(t.tier(), 0))).sum()
                + policy.seats().stream().mapToInt(s -> s.seats(members)).sum();
    }

    private static String kindName(SeatKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

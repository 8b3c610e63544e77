package dev.trellis.console.service;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** Boards for foundation staff and the team: seats with their flags, appointments under the policy, overrides. */
@ApplicationScoped
public class BoardViews {

    private final AdvisoryApi advisory;
    private final PartnersApi partners;

    BoardViews(@RestClient AdvisoryApi advisory, @RestClient PartnersApi partners) {
        this.advisory = advisory;
        this.partners = partners;
    }

    public List<AdvisoryApi.Board> boards() {
        return advisory.boards(100).items();
    }

    /** A seat with its holder's name (seats carry only the holder's id; see the console README, "API gaps"). */
    public record SeatRow(AdvisoryApi.Seat seat, String holderName) {
    }

    public record BoardPage(AdvisoryApi.Board board, List<SeatRow> seats, List<AdvisoryApi.Override> overrides,
            Charts.Bars shares) {
    }

    public BoardPage board(UUID id, boolean withOverrides) {
        AdvisoryApi.Board board = advisory.board(id);
        List<AdvisoryApi.Seat> seats = advisory.seats(id, null, 100).items().stream()
                .filter(s -> !"VACATED".equals(s.status()) && !"ENDED".equals(s.status())).toList();
        Map<UUID, String> names = holderNames(seats);
        List<SeatRow> rows = seats.stream().map(s -> new SeatRow(s, names.getOrDefault(s.holderContactId(), "Unknown contact"))).toList();
        List<AdvisoryApi.Override> overrides = withOverrides ? advisory.overrides(id, 20).items() : List.of();
        Map<String, Integer> perCompany = new java.util.TreeMap<>();
        for (AdvisoryApi.Seat s : seats) {
            if ("HELD".equals(s.status())) {
                perCompany.merge(s.partnerName() == null ? "Personal seats" : s.partnerName(), 1, Integer::sum);
            }
        }
        List<AdvisoryApi.Company> companies = perCompany.entrySet().stream()
                .map(e -> new AdvisoryApi.Company(null, e.getKey(), e.getValue())).toList();
        return new BoardPage(board, rows, overrides, Charts.seatShares(companies));
    }

    /** The names of the seats' holders and alternates, in one call (or one per 50 people). */
    Map<UUID, String> holderNames(List<AdvisoryApi.Seat> seats) {
        Set<UUID> ids = new LinkedHashSet<>();
        seats.forEach(s -> {
            if (s.holderContactId() != null) {
                ids.add(s.holderContactId());
            }
            if (s.alternateContactId() != null) {
                ids.add(s.alternateContactId());
            }
        });
        return contactNames(ids);
    }

    /** "First Last" of these contacts by id; an unknown or erased one is left out. */
    Map<UUID, String> contactNames(java.util.Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        List<UUID> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += CONTACTS_PER_CALL) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CONTACTS_PER_CALL));
            for (PartnersApi.Contact c : partners.contactsById(chunk, CONTACTS_PER_CALL).items()) {
                names.put(c.id(), (Forms.blankToNull(c.firstName()) == null ? "" : c.firstName() + " ") + c.lastName());
            }
        }
        return names;
    }

    /** The API's most ids per call (partner-service's ContactResource.MAX_IDS). */
    private static final int CONTACTS_PER_CALL = 50;

    /** The appointment form: partner first, then one of its current people as holder. */
    public record AppointForm(String partnerId, String holderContactId, String kind, String tierBasis, String termStart,
            String termEnd, List<String> overrideRules, String overrideReason) {
        public boolean overrides(String rule) {
            return overrideRules != null && overrideRules.contains(rule);
        }
    }

    public static final Set<String> APPOINT_FIELDS = Set.of("partnerId", "holderContactId", "kind", "tierBasis", "termStart",
            "termEnd", "override.reason", "override.rules", "override");

    public record AppointContext(AdvisoryApi.Board board, List<PartnersApi.Partner> partners, List<PartnersApi.Affiliation> people) {
    }

    public AppointContext appointContext(UUID boardId, String partnerId) {
        AdvisoryApi.Board board = advisory.board(boardId);
        List<PartnersApi.Partner> members = partners.partners(null, "ACTIVE", null, null, 200, null).items();
        UUID partner = Forms.uuid("partnerId", partnerId);
        List<PartnersApi.Affiliation> people = partner == null ? List.of() : partners.affiliations(partner, true, 200).items();
        // One line per person (a person may hold several roles at the partner).
        Map<UUID, PartnersApi.Affiliation> byContact = new java.util.LinkedHashMap<>();
        people.forEach(a -> byContact.putIfAbsent(a.contactId(), a));
        return new AppointContext(board, members, List.copyOf(byContact.values()));
    }

    public AdvisoryApi.Seat appoint(UUID boardId, AppointForm form) {
        UUID holder = Forms.uuid("holderContactId", form.holderContactId());
        if (holder == null) {
            throw new Forms.InvalidField("holderContactId", "choose who will hold the seat");
        }
        LocalDate start = Forms.date("termStart", form.termStart());
        AdvisoryApi.OverrideRequest override = null;
        if (form.overrideRules() != null && !form.overrideRules().isEmpty()) {
            if (Forms.blankToNull(form.overrideReason()) == null) {
                throw new Forms.InvalidField("override.reason", "say why these rules are overridden: the reason is kept in the audit");
            }
            override = new AdvisoryApi.OverrideRequest(new LinkedHashSet<>(form.overrideRules()), form.overrideReason().strip());
        }
        return advisory.appoint(boardId, new AdvisoryApi.Appointment(holder, Forms.uuid("partnerId", form.partnerId()),
                Forms.blankToNull(form.kind()), Forms.blankToNull(form.tierBasis()), start == null ? LocalDate.now() : start,
                Forms.date("termEnd", form.termEnd()), null, override));
    }

    public AdvisoryApi.Seat vacate(UUID boardId, UUID seatId, String reason) {
        RestResponse<AdvisoryApi.Seat> seat = advisory.seat(boardId, seatId);
        return advisory.vacate(boardId, seatId, seat.getHeaderString("ETag"),
                new AdvisoryApi.Vacate(null, Forms.blankToNull(reason)));
    }

    /** A private calendar address for the signed-in user; shown once. */
    public AdvisoryApi.CalendarFeed subscribe(UUID boardId) {
        return advisory.newCalendarFeed(boardId, "{}");
    }

    /** Whether a refusal is one staff may override: it lists broken rules. */
    public static boolean overridable(ApiProblem p) {
        return (p.status() == 409 || p.status() == 422) && !p.rules().isEmpty();
    }

    // ---- compliance, seat succession and what-if (governance foresight) ----

    /** A seat line of the compliance report with its holder's name. */
    public record NamedSeatLine(AdvisoryApi.SeatLine line, String holderName) {
    }

    public record CompliancePage(AdvisoryApi.Board board, AdvisoryApi.Compliance report, List<NamedSeatLine> termsEndingSoon,
            List<NamedSeatLine> membershipNotCurrent, List<NamedSeatLine> holderChangedEmployer, List<NamedSeatLine> votingSuspended) {
        public record Section(String id, String title, String none, List<NamedSeatLine> lines) {
        }

        public List<Section> sections() {
            return List.of(new Section("ending", "Terms ending within 90 days", "No term ends within 90 days.", termsEndingSoon),
                    new Section("not-current", "Seats of partners that are not current members", "Every seat's partner is a current member.",
                            membershipNotCurrent),
                    new Section("moved", "Holders who changed employer", "No holder has left the partner their seat is held for.",
                            holderChangedEmployer),
                    new Section("suspended", "Voting suspended", "Every holder may vote.", votingSuspended));
        }

        /** How many findings need a look: companies over a cap, vacancies and the listed seats. */
        public int findings() {
            int n = (int) report.companies().stream().filter(AdvisoryApi.CompanyLine::overCap).count();
            return n + membershipNotCurrent.size() + holderChangedEmployer.size() + votingSuspended.size();
        }
    }

    /** @param on a day to report on, blank for today; a value that does not parse is a field error */
    public CompliancePage compliance(UUID boardId, String on) {
        LocalDate day = Forms.date("on", on);
        AdvisoryApi.Board board = advisory.board(boardId);
        AdvisoryApi.Compliance report = advisory.compliance(boardId, day == null ? null : day.toString());
        Map<UUID, String> names = names(report.termsEndingSoon(), report.membershipNotCurrent(), report.holderChangedEmployer(),
                report.votingSuspended());
        return new CompliancePage(board, report, named(report.termsEndingSoon(), names), named(report.membershipNotCurrent(), names),
                named(report.holderChangedEmployer(), names), named(report.votingSuspended(), names));
    }

    @SafeVarargs
    private Map<UUID, String> names(List<AdvisoryApi.SeatLine>... lists) {
        List<AdvisoryApi.Seat> asSeats = new java.util.ArrayList<>();
        for (List<AdvisoryApi.SeatLine> list : lists) {
            if (list != null) {
                list.forEach(l -> asSeats.add(new AdvisoryApi.Seat(l.seatId(), null, l.kind(), l.holderContactId(), l.partnerId(),
                        l.partnerName(), null, null, l.termEnd(), null, null, null, null, null, null)));
            }
        }
        return holderNames(asSeats);
    }

    private static List<NamedSeatLine> named(List<AdvisoryApi.SeatLine> lines, Map<UUID, String> names) {
        return lines == null ? List.of() : lines.stream()
                .map(l -> new NamedSeatLine(l, names.getOrDefault(l.holderContactId(), "Unknown contact"))).toList();
    }

    /** A candidate for a seat that opens, with their name from partner-service. */
    public record Candidate(UUID contactId, String name, List<AdvisoryApi.RuleLine> rules) {
    }

    public record OpeningRow(AdvisoryApi.Opening opening, String holderName, List<Candidate> eligible, List<Candidate> excluded) {
    }

    public record SuccessionPage(AdvisoryApi.Board board, AdvisoryApi.Succession plan, List<OpeningRow> openings, String within) {
    }

    public static final List<String> WITHIN = List.of("P30D", "P90D", "P180D", "P1Y", "P2Y");

    /** @param within an ISO period (the API checks it: a 400 on {@code within} lands next to the field) */
    public SuccessionPage succession(UUID boardId, String within) {
        String window = Forms.blankToNull(within) == null ? "P90D" : within.strip();
        AdvisoryApi.Board board = advisory.board(boardId);
        AdvisoryApi.Succession plan = advisory.succession(boardId, window);
        // Name the holders and every candidate, eligible or excluded, in one call per 50 people.
        Set<UUID> people = new LinkedHashSet<>();
        plan.openings().forEach(o -> {
            if (o.holderContactId() != null) {
                people.add(o.holderContactId());
            }
            people.addAll(o.eligible());
            o.excluded().forEach(x -> people.add(x.contactId()));
        });
        Map<UUID, String> names = contactNames(people);
        List<OpeningRow> rows = plan.openings().stream().map(o -> new OpeningRow(o,
                o.holderContactId() == null ? "Nobody" : names.getOrDefault(o.holderContactId(), "Unknown contact"),
                o.eligible().stream().map(c -> new Candidate(c, names.getOrDefault(c, "Contact " + c), List.of())).toList(),
                o.excluded().stream().map(x -> new Candidate(x.contactId(), names.getOrDefault(x.contactId(), "Contact " + x.contactId()),
                        x.rules() == null ? List.of() : x.rules())).toList())).toList();
        return new SuccessionPage(board, plan, rows, window);
    }

    /** The succession page after a refused window: the form only. */
    public SuccessionPage noSuccession(UUID boardId, String within) {
        return new SuccessionPage(advisory.board(boardId), null, List.of(), within);
    }

    /** The what-if form: an acquisition of one partner by another, on a day (blank: today). */
    public record WhatIfForm(String acquirerPartnerId, String acquiredPartnerId, String on) {
        public boolean asked() {
            return Forms.blankToNull(acquirerPartnerId) != null || Forms.blankToNull(acquiredPartnerId) != null;
        }
    }

    /** The fields of the what-if form carry the API's names ({@code changes[0].acquirerPartnerId} is {@code acquirerPartnerId}). */
    public static final Set<String> WHAT_IF_FIELDS = Set.of("acquirerPartnerId", "acquiredPartnerId", "on");

    /** A refusal of the what-if: the API names {@code changes[0].acquirerPartnerId}, the form {@code acquirerPartnerId}. */
    public static FormErrors whatIfErrors(ApiProblem problem) {
        FormErrors raw = FormErrors.of(problem, Set.of("changes[0].acquirerPartnerId", "changes[0].acquiredPartnerId", "on"));
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        raw.fields().forEach((k, v) -> fields.put(k.replace("changes[0].", ""), v));
        return new FormErrors(fields, raw.general(), raw.rules(), raw.status());
    }

    /** A finding named: the seat's holder and partner, from the board's seats. */
    public record FindingRow(AdvisoryApi.Finding finding, String seatHolder, String partnerName) {
    }

    public record BoardOutcome(AdvisoryApi.BoardFindings board, List<FindingRow> findings, int newOnes) {
    }

    public record WhatIfPage(List<PartnersApi.Partner> partners, WhatIfForm form, AdvisoryApi.WhatIfResult result,
            List<BoardOutcome> boards) {
        /** The same page showing another form's values (typed values kept after a refusal). */
        public WhatIfPage withForm(WhatIfForm typed) {
            return new WhatIfPage(partners, typed, result, boards);
        }

        public int affected() {
            return (int) boards.stream().filter(b -> b.board().affected()).count();
        }

        public String partnerName(String id) {
            return partners.stream().filter(p -> p.id().toString().equals(id)).map(PartnersApi.Partner::name).findFirst().orElse(id);
        }
    }

    /** Every partner by name, prospects included (an acquirer need not be a member); at most five pages of 200. */
    private List<PartnersApi.Partner> allPartners() {
        List<PartnersApi.Partner> all = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            dev.trellis.console.api.Page<PartnersApi.Partner> p = partners.partners(null, null, null, null, 200, cursor);
            all.addAll(p.items());
            cursor = p.next();
            if (cursor == null) {
                break;
            }
        }
        return all;
    }

    /** Nothing is changed: the API measures every board as it would be after the acquisition. */
    public WhatIfPage whatIf(WhatIfForm form) {
        List<PartnersApi.Partner> members = allPartners();
        if (!form.asked()) {
            return new WhatIfPage(members, form, null, List.of());
        }
        UUID acquirer = Forms.uuid("acquirerPartnerId", form.acquirerPartnerId());
        UUID acquired = Forms.uuid("acquiredPartnerId", form.acquiredPartnerId());
        if (acquirer == null) {
            throw new Forms.InvalidField("acquirerPartnerId", "choose the partner that acquires");
        }
        if (acquired == null) {
            throw new Forms.InvalidField("acquiredPartnerId", "choose the partner that is acquired");
        }
        if (acquirer.equals(acquired)) {
            throw new Forms.InvalidField("acquiredPartnerId", "choose another partner than the acquirer");
        }
        LocalDate on = Forms.date("on", form.on());
        AdvisoryApi.WhatIfResult result = advisory.whatIf(new AdvisoryApi.WhatIf(on,
                List.of(AdvisoryApi.Change.acquisition(acquirer, acquired))));
        // Name the seats of the boards with findings: each board's seats, then its partners' people.
        Map<UUID, AdvisoryApi.Seat> seatsById = new HashMap<>();
        for (AdvisoryApi.BoardFindings b : result.boards()) {
            if (!b.findings().isEmpty()) {
                advisory.seats(b.boardId(), null, 100).items().forEach(s -> seatsById.put(s.id(), s));
            }
        }
        Map<UUID, String> names = holderNames(List.copyOf(seatsById.values()));
        List<BoardOutcome> boards = result.boards().stream().map(b -> new BoardOutcome(b, b.findings().stream().map(f -> {
            AdvisoryApi.Seat s = f.seatId() == null ? null : seatsById.get(f.seatId());
            return new FindingRow(f, s == null ? "" : names.getOrDefault(s.holderContactId(), "Unknown contact"),
                    s == null ? "" : s.partnerName() == null ? "Personal seat" : s.partnerName());
        }).toList(), (int) b.findings().stream().filter(AdvisoryApi.Finding::isNew).count())).toList();
        return new WhatIfPage(members, form, result, boards);
    }
}

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

    /** The holder names of the partners' current people, one call per partner on the board. */
    private Map<UUID, String> holderNames(List<AdvisoryApi.Seat> seats) {
        Map<UUID, String> names = new HashMap<>();
        Set<UUID> partnerIds = new LinkedHashSet<>();
        seats.forEach(s -> {
            if (s.partnerId() != null) {
                partnerIds.add(s.partnerId());
            }
        });
        for (UUID partnerId : partnerIds) {
            for (PartnersApi.Affiliation a : partners.affiliations(partnerId, null, 200).items()) {
                names.putIfAbsent(a.contactId(), a.contactName());
            }
        }
        return names;
    }

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
}

package dev.trellis.console.service;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.EventsApi;
import dev.trellis.console.api.InsightsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The insight reports: the level playing field for the foundation (each company group's part of each board's
 * seats against the cap, of sponsorships and of attendance, and how concentrated each pool is over time), and a
 * partner's own value report (what its membership gave it; never a score or a reason).
 */
@ApplicationScoped
public class ReportViews {

    private final InsightsApi insights;
    private final AdvisoryApi advisory;
    private final EventsApi events;

    ReportViews(@RestClient InsightsApi insights, @RestClient AdvisoryApi advisory, @RestClient EventsApi events) {
        this.insights = insights;
        this.advisory = advisory;
        this.events = events;
    }

    /** A pool with its charts; {@code anchor} is the id of its section. */
    public record PoolView(InsightsApi.Pool pool, FairnessCharts.Shares shares, FairnessCharts.Concentration trend, String bandText,
            String anchor, String unit, boolean capped) {
        public long nearCap() {
            return pool.groups().stream().filter(InsightsApi.GroupShare::nearCap).count();
        }

        public long overCap() {
            return pool.groups().stream().filter(InsightsApi.GroupShare::overCap).count();
        }

        public String groupName(InsightsApi.GroupShare g) {
            return FairnessCharts.groupName(g);
        }

        public String percent(double value) {
            return FairnessCharts.percent(value);
        }

        public String band(int hhi) {
            return FairnessCharts.band(FairnessCharts.band(hhi));
        }
    }

    public record FairnessPage(InsightsApi.LevelPlayingField report, List<PoolView> boards, PoolView sponsorship, PoolView attendance,
            String months) {
        /** The boards, then sponsorship and attendance. */
        public List<PoolView> pools() {
            List<PoolView> all = new java.util.ArrayList<>(boards);
            if (sponsorship != null) {
                all.add(sponsorship);
            }
            if (attendance != null) {
                all.add(attendance);
            }
            return all;
        }
    }

    public static final Set<String> FAIRNESS_FIELDS = Set.of("months");

    /** @param months months of trend, 1 to 60 (the API checks the range; a value that is no number is refused here) */
    /** Growth leads, the strongest first: prospects by email domain and members ready for the tier above. */
    public InsightsApi.GrowthLeads growthLeads() {
        return insights.growthLeads(50);
    }

    public FairnessPage levelPlayingField(String months) {
        Integer m = null;
        if (Forms.blankToNull(months) != null) {
            try {
                m = Integer.valueOf(months.strip());
            } catch (NumberFormatException e) {
                throw new Forms.InvalidField("months", "must be a whole number of months, like 24");
            }
        }
        InsightsApi.LevelPlayingField report = insights.levelPlayingField(m);
        List<PoolView> boards = report.boards().stream()
                .map(p -> view(p, "seat", "board-" + (p.boardId() == null ? Math.abs(String.valueOf(p.name()).hashCode()) : p.boardId()), "Seats", true))
                .toList();
        return new FairnessPage(report, boards, report.sponsorship() == null ? null : view(report.sponsorship(), "sponsorship", "sponsorship", "Sponsorships", false),
                report.attendance() == null ? null : view(report.attendance(), "attendee", "attendance", "Attendees", false), m == null ? "24" : m.toString());
    }

    private static PoolView view(InsightsApi.Pool pool, String unit, String anchor, String heading, boolean capped) {
        return new PoolView(pool, FairnessCharts.shares(pool, unit), FairnessCharts.concentration(pool), FairnessCharts.band(pool.band()),
                anchor, heading, capped);
    }

    /** The value report's period: ISO dates, both optional (the API's default: the last 12 months). */
    public record ValueForm(String from, String to) {
    }

    public static final Set<String> VALUE_FIELDS = Set.of("from", "to");

    public record ValueSeatRow(InsightsApi.ValueSeat seat, String boardName) {
    }

    public record SponsorshipRow(String eventTitle, String level, Instant confirmedAt) {
        public String confirmedOn() {
            return confirmedAt == null ? "" : confirmedAt.toString().substring(0, 10);
        }
    }

    public record ValuePage(InsightsApi.ValueReport report, List<ValueSeatRow> seats, List<SponsorshipRow> sponsorships, ValueForm form) {
    }

    /** The signed-in partner's own report, through {@code /partners/me/value} only. */
    public ValuePage ownValue(ValueForm form) {
        LocalDate from = Forms.date("from", form.from());
        LocalDate to = Forms.date("to", form.to());
        InsightsApi.ValueReport report = insights.ownValue(from == null ? null : from.toString(), to == null ? null : to.toString());
        Map<UUID, String> boardNames = new HashMap<>();
        if (!report.seats().isEmpty()) {
            advisory.compositions(50).items().forEach(c -> boardNames.put(c.boardId(), c.name()));
        }
        List<ValueSeatRow> seats = report.seats().stream()
                .map(s -> new ValueSeatRow(s, boardNames.getOrDefault(s.boardId(), "A board"))).toList();
        Map<UUID, String> titles = new HashMap<>();
        List<SponsorshipRow> sponsorships = report.sponsorships().stream().map(s -> new SponsorshipRow(
                s.eventId() == null ? "An event" : titles.computeIfAbsent(s.eventId(), this::eventTitle), s.level(), s.confirmedAt())).toList();
        return new ValuePage(report, seats, sponsorships, new ValueForm(String.valueOf(from == null ? report.from() : from),
                String.valueOf(to == null ? report.to() : to)));
    }

    private String eventTitle(UUID eventId) {
        try {
            return events.event(eventId).getEntity().title();
        } catch (ApiProblem gone) {
            return "An event";
        }
    }
}

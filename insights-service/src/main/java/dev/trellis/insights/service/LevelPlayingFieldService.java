package dev.trellis.insights.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.advisory.GroupSeats;
import dev.trellis.insights.domain.BoardComposition;
import dev.trellis.insights.domain.BoardCompositionMonth;
import dev.trellis.insights.domain.Concentration;
import dev.trellis.insights.domain.PartnerProfile;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.insights.persistence.InsightsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The level-playing-field report (domain.md §2, §6): per board, each company group's seats against the board's cap,
 * and across events each group's share of confirmed sponsorships and of attendance; for each pool its concentration
 * (elephant factor, HHI) now and month by month. A company group is a partner's parent, or the partner itself.
 */
@ApplicationScoped
public class LevelPlayingFieldService {
    private static final TypeReference<List<GroupSeats>> GROUPS = new TypeReference<>() {
    };

    private final InsightsQueries queries;
    private final HealthService health;
    private final ObjectMapper json;

    public LevelPlayingFieldService(InsightsQueries queries, HealthService health, ObjectMapper json) {
        this.queries = queries;
        this.health = health;
        this.json = json;
    }

    /** One group's part of a pool, with its cap on a board (null elsewhere, or without a cap). */
    public record GroupShare(UUID groupId, String groupName, int count, double sharePercent, Integer cap, boolean nearCap,
            boolean overCap) {
    }

    /** A pool's concentration in one month. */
    public record MonthPoint(LocalDate month, int total, int elephantFactor, int hhi) {
    }

    /** A pool now (a board's seats today; sponsorships or attendance over the last 12 months) and month by month. */
    public record Pool(UUID boardId, String name, int total, int elephantFactor, int hhi, String band, List<GroupShare> groups,
            List<MonthPoint> trend) {
    }

    public record Report(LocalDate asOf, List<Pool> boards, Pool sponsorship, Pool attendance) {
    }

    @Transactional
    public Report report(int months) {
        LocalDate today = health.today();
        LocalDate firstMonth = today.withDayOfMonth(1).minusMonths(months - 1L);
        Map<UUID, PartnerProfile> partners = new HashMap<>();
        PartnerProfile.<PartnerProfile>listAll().forEach(p -> partners.put(p.partnerId, p));
        List<Pool> boards = BoardComposition.<BoardComposition>listAll().stream()
                .sorted(Comparator.comparing(c -> c.boardName))
                .map(c -> board(c, partners, firstMonth, today)).toList();
        return new Report(today, boards, events(TimelineKind.SPONSORED, "Sponsorships", partners, firstMonth, today),
                events(TimelineKind.ATTENDED, "Attendance", partners, firstMonth, today));
    }

    private Pool board(BoardComposition c, Map<UUID, PartnerProfile> partners, LocalDate firstMonth, LocalDate today) {
        List<GroupSeats> groups = read(c.groups);
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        groups.forEach(g -> counts.put(g.groupId(), g.seats()));
        Concentration<UUID> now = Concentration.of(counts);
        List<GroupShare> shares = new ArrayList<>();
        for (GroupSeats g : groups) {
            double percent = c.seatsHeld == 0 ? 0 : 100.0 * g.seats() / c.seatsHeld;
            shares.add(new GroupShare(g.groupId(), name(partners, g.groupId()), g.seats(), percent, g.cap(),
                    g.cap() != null && g.seats() == g.cap(), g.cap() != null && g.seats() > g.cap()));
        }
        // month by month: the last composition published up to each month's end
        TreeMap<LocalDate, BoardCompositionMonth> byMonth = new TreeMap<>();
        BoardCompositionMonth.<BoardCompositionMonth>list("key.boardId", c.boardId).forEach(m -> byMonth.put(m.key.month(), m));
        List<MonthPoint> trend = new ArrayList<>();
        for (LocalDate month = firstMonth; !month.isAfter(today); month = month.plusMonths(1)) {
            Map.Entry<LocalDate, BoardCompositionMonth> known = byMonth.floorEntry(month);
            if (known == null) {
                continue;
            }
            Map<UUID, Integer> monthCounts = new LinkedHashMap<>();
            read(known.getValue().groups).forEach(g -> monthCounts.put(g.groupId(), g.seats()));
            Concentration<UUID> m = Concentration.of(monthCounts);
            trend.add(new MonthPoint(month, known.getValue().seatsHeld, m.elephantFactor(), m.hhi()));
        }
        return new Pool(c.boardId, c.boardName, c.seatsHeld, now.elephantFactor(), now.hhi(), now.band(), shares, trend);
    }

    private Pool events(TimelineKind kind, String name, Map<UUID, PartnerProfile> partners, LocalDate firstMonth, LocalDate today) {
        Map<LocalDate, Map<UUID, Integer>> perMonth = new TreeMap<>();
        Map<UUID, Integer> lastYear = new LinkedHashMap<>();
        LocalDate yearAgo = today.withDayOfMonth(1).minusMonths(11);
        LocalDate from = firstMonth.isBefore(yearAgo) ? firstMonth : yearAgo;
        for (Object[] row : queries.monthlyCounts(kind, from.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            UUID group = group(partners, (UUID) row[0]);
            LocalDate month = row[1] instanceof LocalDate d ? d : ((java.sql.Date) row[1]).toLocalDate();
            int n = ((Number) row[2]).intValue();
            if (!month.isBefore(firstMonth)) {
                perMonth.computeIfAbsent(month, x -> new LinkedHashMap<>()).merge(group, n, Integer::sum);
            }
            if (!month.isBefore(yearAgo)) {
                lastYear.merge(group, n, Integer::sum);
            }
        }
        Concentration<UUID> now = Concentration.of(lastYear);
        List<GroupShare> shares = now.shares().stream().map(s -> new GroupShare(s.group(), name(partners, s.group()), s.count(),
                s.percent(), null, false, false)).toList();
        List<MonthPoint> trend = new ArrayList<>();
        perMonth.forEach((month, counts) -> {
            Concentration<UUID> m = Concentration.of(counts);
            trend.add(new MonthPoint(month, m.total(), m.elephantFactor(), m.hhi()));
        });
        return new Pool(null, name, now.total(), now.elephantFactor(), now.hhi(), now.band(), shares, trend);
    }

    private static UUID group(Map<UUID, PartnerProfile> partners, UUID partner) {
        PartnerProfile p = partners.get(partner);
        return p == null || p.parentPartnerId == null ? partner : p.parentPartnerId;
    }

    private static String name(Map<UUID, PartnerProfile> partners, UUID id) {
        PartnerProfile p = partners.get(id);
        return p == null ? null : p.name;
    }

    private List<GroupSeats> read(String groups) {
        try {
            return json.readValue(groups, GROUPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored composition is not readable", e);
        }
    }
}

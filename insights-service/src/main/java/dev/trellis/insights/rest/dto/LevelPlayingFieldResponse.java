package dev.trellis.insights.rest.dto;

import dev.trellis.insights.service.LevelPlayingFieldService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The level-playing-field report: per board and across events, each company group's share and its concentration. */
public record LevelPlayingFieldResponse(LocalDate asOf,
        @Schema(description = "Every board, by name; at most " + LevelPlayingFieldResponse.MAX_BOARDS, maxItems = MAX_BOARDS)
        List<Pool> boards, Pool sponsorship, Pool attendance) {

    static final int MAX_BOARDS = 500;
    static final int MAX_GROUPS = 500;
    static final String COUNT_MAX = "2147483647";

    /** One group's part of a pool, with its cap on a board (null elsewhere, or without a cap). */
    public record GroupShare(UUID groupId, @Schema(maxLength = 300) String groupName,
            @Schema(minimum = "0", maximum = COUNT_MAX) int count,
            @Schema(minimum = "0", maximum = "100") double sharePercent,
            @Schema(minimum = "0", maximum = COUNT_MAX) Integer cap, boolean nearCap, boolean overCap) {
    }

    /** A pool's concentration in one month. */
    public record MonthPoint(LocalDate month, @Schema(minimum = "0", maximum = COUNT_MAX) int total,
            @Schema(description = "The fewest groups that hold more than half", minimum = "0", maximum = COUNT_MAX)
            int elephantFactor,
            @Schema(description = "Herfindahl-Hirschman index", minimum = "0", maximum = "10000") int hhi) {
    }

    /** A pool now (a board's seats today; sponsorships or attendance over the last 12 months) and month by month. */
    public record Pool(UUID boardId, @Schema(maxLength = 300) String name,
            @Schema(minimum = "0", maximum = COUNT_MAX) int total,
            @Schema(minimum = "0", maximum = COUNT_MAX) int elephantFactor,
            @Schema(minimum = "0", maximum = "10000") int hhi,
            @Schema(maxLength = 20) String band,
            @Schema(description = "The largest groups first (boards: as published), at most " + LevelPlayingFieldResponse.MAX_GROUPS
                    + "; total and the indices count every group", maxItems = MAX_GROUPS)
            List<GroupShare> groups,
            @Schema(description = "One point a month, at most 60 (the months parameter's bound)", maxItems = 60)
            List<MonthPoint> trend) {

        static Pool of(LevelPlayingFieldService.Pool p) {
            return new Pool(p.boardId(), p.name(), p.total(), p.elephantFactor(), p.hhi(), p.band(),
                    p.groups().stream().limit(MAX_GROUPS).map(g -> new GroupShare(g.groupId(), g.groupName(), g.count(),
                            g.sharePercent(), g.cap(), g.nearCap(), g.overCap())).toList(),
                    p.trend().stream().map(m -> new MonthPoint(m.month(), m.total(), m.elephantFactor(), m.hhi())).toList());
        }
    }

    public static LevelPlayingFieldResponse of(LevelPlayingFieldService.Report r) {
        return new LevelPlayingFieldResponse(r.asOf(), r.boards().stream().limit(MAX_BOARDS).map(Pool::of).toList(),
                Pool.of(r.sponsorship()), Pool.of(r.attendance()));
    }
}

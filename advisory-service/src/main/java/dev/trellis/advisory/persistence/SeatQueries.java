package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.PolicyOverride;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFilter;
import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.advisory.domain.VotingStatus;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A board's seats by term start and its override audit, newest first: keyset pages; and the seats' open flags. */
@ApplicationScoped
public class SeatQueries {

    /**
     * The board's seats by term start, then id; only those held for {@code partner} when it is set, and
     * only those {@code filter} names (on {@code today}) when it is set.
     */
    public Page<Seat> page(UUID boardId, UUID partner, SeatFilter filter, LocalDate today, PageRequest request) {
        Cursor after = request.decodedCursor(2);
        StringBuilder query = new StringBuilder("from Seat s where s.boardId = :board");
        Parameters params = Parameters.with("board", boardId);
        if (partner != null) {
            query.append(" and s.partnerId = :partner");
            params.and("partner", partner);
        }
        if (filter != null) {
            query.append(" and ").append(condition(filter));
            if (filter == SeatFilter.SUSPENDED) {
                params.and("suspended", VotingStatus.SUSPENDED);
            } else if (filter != SeatFilter.FLAGGED) {
                params.and("today", today);
            }
        }
        if (after != null) {
            query.append(" and (s.termStart, s.id) > (:start, :id)");
            params.and("start", dateKey(after)).and("id", after.uuid(1));
        }
        List<Seat> fetched = Seat.<Seat>find(query + " order by s.termStart, s.id", params).page(0, request.fetchSize()).list();
        return Page.of(fetched, request, SeatQueries::cursorOf, s -> s);
    }

    /** The filter as a condition on {@code s}; the same rule as {@link Seat#statusOn(LocalDate)}. */
    private static String condition(SeatFilter filter) {
        String vacated = "(s.vacatedOn is not null and (s.vacatedOn <= :today or s.vacatedOn <= s.termStart))";
        String notVacated = "(s.vacatedOn is null or (s.vacatedOn > :today and s.vacatedOn > s.termStart))";
        return switch (filter) {
            case VACATED -> vacated;
            case UPCOMING -> notVacated + " and s.termStart > :today";
            case ENDED -> notVacated + " and s.termEnd < :today";
            case HELD -> notVacated + " and s.termStart <= :today and (s.termEnd is null or s.termEnd >= :today)";
            case FLAGGED -> "exists (select f.id from SeatFlag f where f.seatId = s.id)";
            case SUSPENDED -> "s.votingStatus = :suspended";
        };
    }

    private static LocalDate dateKey(Cursor cursor) {
        try {
            return LocalDate.parse(cursor.key(0));
        } catch (DateTimeParseException e) {
            throw Cursor.foreign();
        }
    }

    static Cursor cursorOf(Seat seat) {
        return Cursor.of(seat.termStart.toString(), seat.id);
    }

    /** The audit of the board's overrides, newest first, then by id. */
    public Page<PolicyOverride> overrides(UUID boardId, PageRequest request) {
        Cursor after = request.decodedCursor(2);
        List<PolicyOverride> fetched;
        if (after == null) {
            fetched = PolicyOverride.<PolicyOverride>find("boardId = ?1 order by overriddenAt desc, id", boardId)
                    .page(0, request.fetchSize()).list();
        } else {
            fetched = PolicyOverride.<PolicyOverride>find(
                    "boardId = :board and (overriddenAt < :at or (overriddenAt = :at and id > :id)) order by overriddenAt desc, id",
                    Parameters.with("board", boardId).and("at", after.instant(0)).and("id", after.uuid(1)))
                    .page(0, request.fetchSize()).list();
        }
        return Page.of(fetched, request, SeatQueries::cursorOf, o -> o);
    }

    static Cursor cursorOf(PolicyOverride o) {
        return Cursor.of(o.overriddenAt.toString(), o.id);
    }

    /** The open flags of these seats, by seat, oldest first. */
    public Map<UUID, List<SeatFlag>> flags(Collection<Seat> seats) {
        if (seats.isEmpty()) {
            return Map.of();
        }
        return SeatFlag.<SeatFlag>list("seatId in ?1 order by flaggedAt, id", seats.stream().map(s -> s.id).toList())
                .stream().collect(Collectors.groupingBy(f -> f.seatId));
    }
}

package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.PolicyOverride;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFlag;
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

    /** The board's seats by term start, then id; only those held for {@code partner} when it is set. */
    public Page<Seat> page(UUID boardId, UUID partner, PageRequest request) {
        Cursor after = request.decodedCursor(2);
        StringBuilder query = new StringBuilder("boardId = :board");
        Parameters params = Parameters.with("board", boardId);
        if (partner != null) {
            query.append(" and partnerId = :partner");
            params.and("partner", partner);
        }
        if (after != null) {
            query.append(" and (termStart, id) > (:start, :id)");
            params.and("start", dateKey(after)).and("id", after.uuid(1));
        }
        List<Seat> fetched = Seat.<Seat>find(query + " order by termStart, id", params).page(0, request.fetchSize()).list();
        return Page.of(fetched, request, SeatQueries::cursorOf, s -> s);
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

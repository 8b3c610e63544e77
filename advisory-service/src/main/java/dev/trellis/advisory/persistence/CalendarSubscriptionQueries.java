package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.CalendarSubscription;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A board's calendar feeds by creation, keyset-paged by (created_at, id). */
@ApplicationScoped
public class CalendarSubscriptionQueries {

    /** One page of the board's feeds; those of {@code owner} only, unless it is null. */
    public Page<CalendarSubscription> page(UUID boardId, String owner, PageRequest request) {
        Cursor after = request.decodedCursor(2);
        StringBuilder query = new StringBuilder("boardId = :board");
        Parameters params = Parameters.with("board", boardId);
        if (owner != null) {
            query.append(" and ownerSubject = :owner");
            params = params.and("owner", owner);
        }
        if (after != null) {
            query.append(" and (createdAt, id) > (:at, :id)");
            params = params.and("at", after.instant(0)).and("id", after.uuid(1));
        }
        query.append(" order by createdAt, id");
        return Page.of(CalendarSubscription.<CalendarSubscription>find(query.toString(), params).page(0, request.fetchSize()).list(),
                request, s -> Cursor.of(s.createdAt, s.id), s -> s);
    }
}

package dev.trellis.event.persistence;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The event list: filtered, keyset-paged in (startsAt, id) order. */
@ApplicationScoped
public class EventQueries {

    /**
     * What to list; a null filter means "any". {@code from}/{@code to} bound the start time, {@code to} exclusive.
     * Drafts are listed only with {@code withDrafts}.
     */
    public record Search(EventStatus status, EventKind kind, Instant from, Instant to, UUID userGroupId,
            boolean withDrafts) {
    }

    public Page<Event> page(Search search, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!search.withDrafts()) {
            where.add("status <> :draft");
            params.and("draft", EventStatus.DRAFT);
        }
        if (search.status() != null) {
            where.add("status = :status");
            params.and("status", search.status());
        }
        if (search.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", search.kind());
        }
        if (search.from() != null) {
            where.add("startsAt >= :from");
            params.and("from", search.from());
        }
        if (search.to() != null) {
            where.add("startsAt < :to");
            params.and("to", search.to());
        }
        if (search.userGroupId() != null) {
            where.add("userGroupId = :group");
            params.and("group", search.userGroupId());
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            where.add("(startsAt, id) > (:at, :id)");
            params.and("at", after.instant(0)).and("id", after.uuid(1));
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by startsAt, id";
        List<Event> fetched = Event.find(query, params).page(0, page.fetchSize()).list();
        return Page.of(fetched, page, e -> Cursor.of(e.startsAt, e.id), Function.identity());
    }
}

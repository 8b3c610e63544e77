package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventKind;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EventService {

    /** One page in (starts_at, id) order; {@code publishedOnly} for callers who may not see drafts. */
    @Transactional
    public List<Event> list(PageRequest page, boolean publishedOnly) {
        Cursor after = page.decodedCursor(2);
        String visible = publishedOnly ? "status = :published" : "1 = 1";
        Parameters params = publishedOnly ? Parameters.with("published", EventStatus.PUBLISHED) : new Parameters();
        if (after == null) {
            return Event.find(visible + " order by startsAt, id", params).page(0, page.fetchSize()).list();
        }
        return Event.find(visible + " and (startsAt, id) > (:at, :id) order by startsAt, id",
                params.and("at", after.instant(0)).and("id", after.uuid(1))).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Event event) {
        return Cursor.of(event.startsAt, event.id);
    }

    /** @throws ProblemException 404 also for a draft that the caller may not see, so drafts do not leak */
    @Transactional
    public Event get(UUID id, boolean publishedOnly) {
        return Event.<Event>findByIdOptional(id)
                .filter(e -> !publishedOnly || e.status == EventStatus.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("Event", id));
    }

    @Transactional
    public Event create(UUID id, EventKind kind, String title, Instant startsAt, Instant endsAt, String timeZone,
            EventStatus status) {
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.badRequest("endsAt", "must be after startsAt");
        }
        Event event = new Event();
        event.id = id;
        event.kind = kind;
        event.title = title;
        event.startsAt = startsAt;
        event.endsAt = endsAt;
        event.timeZone = timeZone;
        event.status = status;
        event.persist();
        return event;
    }

    /** Creates an event with a known id unless it exists; for the demo data. */
    @Transactional
    public void createIfAbsent(UUID id, EventKind kind, String title, Instant startsAt, Instant endsAt, String timeZone,
            EventStatus status) {
        if (Event.findById(id) == null) {
            create(id, kind, title, startsAt, endsAt, timeZone, status);
        }
    }
}

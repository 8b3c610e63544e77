package dev.trellis.event.persistence;

import dev.trellis.event.domain.Sponsorship;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** An event's sponsorships, keyset-paged oldest first by (createdAt, id). */
@ApplicationScoped
public class SponsorshipQueries {

    /** @param partnerId only this partner's; null for every partner's */
    public Page<Sponsorship> page(UUID eventId, UUID partnerId, PageRequest page) {
        StringBuilder where = new StringBuilder("eventId = :event");
        Parameters params = Parameters.with("event", eventId);
        if (partnerId != null) {
            where.append(" and partnerId = :partner");
            params.and("partner", partnerId);
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            where.append(" and (createdAt, id) > (:at, :id)");
            params.and("at", after.instant(0)).and("id", after.uuid(1));
        }
        List<Sponsorship> fetched = Sponsorship.find(where + " order by createdAt, id", params)
                .page(0, page.fetchSize()).list();
        return Page.of(fetched, page, s -> Cursor.of(s.createdAt, s.id), Function.identity());
    }
}

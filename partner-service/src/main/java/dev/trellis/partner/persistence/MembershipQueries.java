package dev.trellis.partner.persistence;

import dev.trellis.partner.domain.MembershipChange;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** A membership's history, newest first, keyset-paged by (recorded_at, id). */
@ApplicationScoped
public class MembershipQueries {

    /** One page of the partner's history; fetches one row more than the page. */
    public List<MembershipChange> history(UUID partnerId, PageRequest page) {
        Cursor after = page.decodedCursor(2);
        if (after == null) {
            return MembershipChange.find("partnerId = ?1 order by recordedAt desc, id desc", partnerId)
                    .page(0, page.fetchSize()).list();
        }
        return MembershipChange.find("partnerId = :partner and (recordedAt < :at or (recordedAt = :at and id < :id)) "
                        + "order by recordedAt desc, id desc",
                        Parameters.with("partner", partnerId).and("at", after.instant(0)).and("id", after.uuid(1)))
                .page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(MembershipChange change) {
        return Cursor.of(change.recordedAt, change.id);
    }
}

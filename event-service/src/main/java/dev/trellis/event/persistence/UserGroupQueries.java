package dev.trellis.event.persistence;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.domain.UserGroupHealth;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** User groups keyset-paged by (name, id), and the meetups each has held. */
@ApplicationScoped
public class UserGroupQueries {

    public Page<UserGroup> page(PageRequest page) {
        Cursor after = page.decodedCursor(2);
        List<UserGroup> fetched = after == null
                ? UserGroup.find("order by name, id").page(0, page.fetchSize()).list()
                : UserGroup.find("(name, id) > (?1, ?2) order by name, id", after.key(0), after.uuid(1))
                        .page(0, page.fetchSize()).list();
        return Page.of(fetched, page, g -> Cursor.of(g.name, g.id), Function.identity());
    }

    /** For each group, the start times of its meetups held by {@code now} ({@link UserGroupHealth#HELD}); one query. */
    public Map<UUID, List<Instant>> heldMeetups(Collection<UUID> groupIds, Instant now) {
        Map<UUID, List<Instant>> held = new HashMap<>();
        if (groupIds.isEmpty()) {
            return held;
        }
        List<Object[]> rows = Event.getEntityManager().createQuery(
                "select e.userGroupId, e.startsAt from Event e where e.userGroupId in :ids and e.status in :held"
                        + " and e.startsAt <= :now", Object[].class)
                .setParameter("ids", groupIds).setParameter("held", UserGroupHealth.HELD).setParameter("now", now)
                .getResultList();
        for (Object[] row : rows) {
            held.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((Instant) row[1]);
        }
        return held;
    }
}

package dev.trellis.partner.persistence;

import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.domain.TouchpointType;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A partner's touchpoints (newest first) and a staff member's next steps (soonest due first), keyset-paged. */
@ApplicationScoped
public class TouchpointQueries {

    /** One page of a partner's touchpoints by (occurredOn, id) descending; a null criterion does not filter. */
    public List<Touchpoint> ofPartner(UUID partnerId, TouchpointType type, Boolean executive, LocalDate from,
            LocalDate to, PageRequest page) {
        StringBuilder query = new StringBuilder("partnerId = :partner");
        Parameters params = Parameters.with("partner", partnerId);
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        if (executive != null) {
            query.append(" and executive = :executive");
            params.and("executive", executive);
        }
        if (from != null) {
            query.append(" and occurredOn >= :from");
            params.and("from", from);
        }
        if (to != null) {
            query.append(" and occurredOn <= :to");
            params.and("to", to);
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            query.append(" and (occurredOn < :afterDate or (occurredOn = :afterDate and id < :afterId))");
            params.and("afterDate", AffiliationQueries.date(after.key(0))).and("afterId", after.uuid(1));
        }
        query.append(" order by occurredOn desc, id desc");
        return Touchpoint.<Touchpoint>find(query.toString(), params).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Touchpoint touchpoint) {
        return Cursor.of(touchpoint.occurredOn, touchpoint.id);
    }

    /**
     * One page of {@code owner}'s next steps by (dueOn, id), with their touchpoints.
     *
     * @param openOnly  only steps not done
     * @param dueBefore only steps due before this day; null for any
     */
    public List<NextStep> stepsOf(String owner, boolean openOnly, LocalDate dueBefore, PageRequest page) {
        StringBuilder query = new StringBuilder("select s from NextStep s join fetch s.touchpoint where s.owner = :owner");
        Parameters params = Parameters.with("owner", owner);
        if (openOnly) {
            query.append(" and s.done = false");
        }
        if (dueBefore != null) {
            query.append(" and s.dueOn < :today");
            params.and("today", dueBefore);
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            query.append(" and (s.dueOn > :afterDate or (s.dueOn = :afterDate and s.id > :afterId))");
            params.and("afterDate", AffiliationQueries.date(after.key(0))).and("afterId", after.uuid(1));
        }
        query.append(" order by s.dueOn, s.id");
        return NextStep.<NextStep>find(query.toString(), params).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(NextStep step) {
        return Cursor.of(step.dueOn, step.id);
    }
}

package dev.trellis.partner.service;

import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.rest.dto.UpdateNextStepRequest;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Next steps one by one, and the worklist of a staff member's steps. */
@ApplicationScoped
public class NextStepService {

    @Transactional
    @RolesAllowed({"community-team", "foundation-staff"})
    public NextStep get(UUID id) {
        return find(id);
    }

    @Transactional
    @RolesAllowed(TouchpointService.STAFF_WRITE)
    public NextStep update(UUID id, String ifMatch, UpdateNextStepRequest request) {
        NextStep step = find(id);
        EntityTags.requireMatch(ifMatch, step.version);
        if (request.description() != null) {
            step.description = request.description().strip();
        }
        if (request.owner() != null) {
            step.owner = TouchpointService.username(request.owner());
        }
        if (request.dueOn() != null) {
            TouchpointService.requireDueNotBefore(request.dueOn(), step.touchpoint.occurredOn, "dueOn");
            step.dueOn = request.dueOn();
        }
        if (request.done() != null) {
            step.markDone(request.done());
        }
        return step;
    }

    /** One page of {@code owner}'s steps, by (dueOn, id): the soonest due first. */
    @Transactional
    @RolesAllowed({"community-team", "foundation-staff"})
    public List<NextStep> worklist(String owner, Due due, PageRequest page) {
        StringBuilder query = new StringBuilder("select s from NextStep s join fetch s.touchpoint where s.owner = :owner");
        Parameters params = Parameters.with("owner", TouchpointService.username(owner));
        if (due != Due.ALL) {
            query.append(" and s.done = false");
        }
        if (due == Due.OVERDUE) {
            query.append(" and s.dueOn < :today");
            params.and("today", TouchpointService.today());
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            query.append(" and (s.dueOn > :afterDate or (s.dueOn = :afterDate and s.id > :afterId))");
            params.and("afterDate", TouchpointService.cursorDate(after)).and("afterId", after.uuid(1));
        }
        query.append(" order by s.dueOn, s.id");
        return NextStep.<NextStep>find(query.toString(), params).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(NextStep step) {
        return Cursor.of(step.dueOn, step.id);
    }

    private static NextStep find(UUID id) {
        return NextStep.<NextStep>find("select s from NextStep s join fetch s.touchpoint where s.id = :id",
                Parameters.with("id", id)).firstResultOptional().orElseThrow(() -> ProblemException.notFound("Next step", id));
    }
}

package dev.trellis.partner.service;

import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.messaging.out.TouchpointEvents;
import dev.trellis.partner.persistence.TouchpointQueries;
import dev.trellis.partner.service.command.NextStepChanges;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.patch.MergePatch;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Next steps one by one, and the worklist of a staff member's steps. */
@ApplicationScoped
public class NextStepService {
    private final TouchpointEvents events;
    private final TouchpointQueries queries;
    private final StaffDirectory staff;
    private final Clock clock;

    public NextStepService(TouchpointQueries queries, StaffDirectory staff, TouchpointEvents events, Clock clock) {
        this.events = events;
        this.queries = queries;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional
    public NextStep get(UUID id) {
        return find(id);
    }

    /**
     * A JSON merge patch of a next step: a field left out stays as it is; none can be cleared (a field sent as
     * null is refused, naming it). Done records when; reopening clears it.
     */
    @Transactional
    public NextStep update(UUID id, String ifMatch, MergePatch<NextStepChanges> patch) {
        NextStep step = find(id);
        Versions.requireMatch(ifMatch, step.version);
        LocalDate dueBefore = step.dueOn;
        boolean doneBefore = step.done;
        NextStepChanges changes = patch.value();
        if (patch.has("description")) {
            step.description = TouchpointService.required(changes.description(), "description");
        }
        if (patch.has("owner")) {
            step.owner = staff.requireKnown(TouchpointService.present(changes.owner(), "owner"), "owner");
        }
        if (patch.has("dueOn")) {
            LocalDate dueOn = TouchpointService.present(changes.dueOn(), "dueOn");
            TouchpointService.requireDueNotBefore(dueOn, step.touchpoint.occurredOn, "dueOn");
            step.dueOn = dueOn;
        }
        if (patch.has("done")) {
            step.markDone(TouchpointService.present(changes.done(), "done"), Instant.now(clock));
        }
        if (!step.dueOn.equals(dueBefore) || step.done != doneBefore) {
            events.nextStep(step);
        }
        return step;
    }

    /** One page of {@code owner}'s steps, by (dueOn, id): the soonest due first. */
    @Transactional
    public Page<NextStep> worklist(String owner, Due due, PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        return Page.of(queries.stepsOf(TouchpointService.username(owner), due != Due.ALL,
                due == Due.OVERDUE ? today : null, page), page, TouchpointQueries::cursorOf, s -> s);
    }

    private static NextStep find(UUID id) {
        return NextStep.<NextStep>find("select s from NextStep s join fetch s.touchpoint where s.id = :id",
                Parameters.with("id", id)).firstResultOptional().orElseThrow(() -> NotFound.of("Next step", id));
    }
}

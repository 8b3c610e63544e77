package dev.trellis.partner.service;

import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.messaging.TouchpointEvents;
import dev.trellis.partner.rest.dto.LogTouchpointRequest;
import dev.trellis.partner.rest.dto.NextStepRequest;
import dev.trellis.partner.rest.dto.UpdateTouchpointRequest;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Touchpoints with partners and the next steps agreed at them. Only staff roles get in: notes are internal,
 * so partners have no route here at all.
 */
@ApplicationScoped
public class TouchpointService {
    static final String STAFF_WRITE = "community-team";

    private final ExecutiveAttendees executives;
    private final TouchpointEvents events;

    public TouchpointService(ExecutiveAttendees executives, TouchpointEvents events) {
        this.executives = executives;
        this.events = events;
    }

    /** Today in UTC; a touchpoint may be dated at most one day after it, which covers every time zone. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Transactional
    @RolesAllowed(STAFF_WRITE)
    public Touchpoint log(UUID partnerId, LogTouchpointRequest request, String loggedBy) {
        if (Partner.findById(partnerId) == null) {
            throw ProblemException.notFound("Partner", partnerId);
        }
        requireNotFuture(request.occurredOn());
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.partnerId = partnerId;
        touchpoint.occurredOn = request.occurredOn();
        touchpoint.type = request.type();
        touchpoint.summary = request.summary().strip();
        touchpoint.notes = blankToNull(request.notes());
        touchpoint.loggedBy = loggedBy;
        List<UUID> attendees = distinct(request.attendeeContactIds());
        requireNoneErased(attendees);
        touchpoint.replaceContacts(attendees);
        touchpoint.replaceStaff(usernames(request.attendeeStaff()));
        touchpoint.executive = executive(touchpoint);
        List<NextStepRequest> steps = request.nextSteps() == null ? List.of() : request.nextSteps();
        for (int i = 0; i < steps.size(); i++) {
            touchpoint.nextSteps.add(newStep(touchpoint, steps.get(i), "nextSteps[" + i + "].dueOn"));
        }
        touchpoint.persist();
        events.logged(touchpoint);
        return touchpoint;
    }

    /** One page of a partner's touchpoints, newest first by (occurredOn, id). */
    @Transactional
    @RolesAllowed({"community-team", "foundation-staff"})
    public List<Touchpoint> list(UUID partnerId, TouchpointFilter filter, PageRequest page) {
        if (Partner.findById(partnerId) == null) {
            throw ProblemException.notFound("Partner", partnerId);
        }
        StringBuilder query = new StringBuilder("partnerId = :partner");
        Parameters params = Parameters.with("partner", partnerId);
        if (filter.type() != null) {
            query.append(" and type = :type");
            params.and("type", filter.type());
        }
        if (filter.executive() != null) {
            query.append(" and executive = :executive");
            params.and("executive", filter.executive());
        }
        if (filter.from() != null) {
            query.append(" and occurredOn >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and occurredOn <= :to");
            params.and("to", filter.to());
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            query.append(" and (occurredOn < :afterDate or (occurredOn = :afterDate and id < :afterId))");
            params.and("afterDate", cursorDate(after)).and("afterId", after.uuid(1));
        }
        query.append(" order by occurredOn desc, id desc");
        List<Touchpoint> touchpoints = Touchpoint.<Touchpoint>find(query.toString(), params).page(0, page.fetchSize()).list();
        touchpoints.forEach(TouchpointService::load);
        return touchpoints;
    }

    public static Cursor cursorOf(Touchpoint touchpoint) {
        return Cursor.of(touchpoint.occurredOn, touchpoint.id);
    }

    @Transactional
    @RolesAllowed({"community-team", "foundation-staff"})
    public Touchpoint get(UUID id) {
        return load(find(id));
    }

    @Transactional
    @RolesAllowed(STAFF_WRITE)
    public Touchpoint update(UUID id, String ifMatch, UpdateTouchpointRequest request) {
        Touchpoint touchpoint = find(id);
        EntityTags.requireMatch(ifMatch, touchpoint.version);
        boolean recompute = false;
        if (request.occurredOn() != null && !request.occurredOn().equals(touchpoint.occurredOn)) {
            requireNotFuture(request.occurredOn());
            touchpoint.nextSteps.stream().filter(s -> s.dueOn.isBefore(request.occurredOn())).findFirst()
                    .ifPresent(s -> {
                        throw ProblemException.badRequest("occurredOn",
                                "a next step of this touchpoint is due on " + s.dueOn + ", before this date");
                    });
            touchpoint.occurredOn = request.occurredOn();
            recompute = true;
        }
        if (request.type() != null) {
            touchpoint.type = request.type();
        }
        if (request.summary() != null) {
            touchpoint.summary = request.summary().strip();
        }
        if (request.notes() != null) {
            touchpoint.notes = blankToNull(request.notes());
        }
        if (request.attendeeContactIds() != null) {
            List<UUID> attendees = distinct(request.attendeeContactIds());
            // Attendees already on the touchpoint stay even if erased since; only new ones are checked.
            List<UUID> present = touchpoint.contactIds();
            requireNoneErased(attendees.stream().filter(contact -> !present.contains(contact)).toList());
            touchpoint.replaceContacts(attendees);
            recompute = true;
        }
        if (request.attendeeStaff() != null) {
            touchpoint.replaceStaff(usernames(request.attendeeStaff()));
        }
        if (recompute) {
            touchpoint.executive = executive(touchpoint);
        }
        touchpoint.touched();
        return load(touchpoint);
    }

    @Transactional
    @RolesAllowed(STAFF_WRITE)
    public NextStep addNextStep(UUID touchpointId, NextStepRequest request) {
        Touchpoint touchpoint = find(touchpointId);
        NextStep step = newStep(touchpoint, request, "dueOn");
        touchpoint.nextSteps.add(step);
        step.persist();
        return step;
    }

    private NextStep newStep(Touchpoint touchpoint, NextStepRequest request, String dueField) {
        requireDueNotBefore(request.dueOn(), touchpoint.occurredOn, dueField);
        NextStep step = new NextStep();
        step.id = UUID.randomUUID();
        step.touchpoint = touchpoint;
        step.description = request.description().strip();
        step.owner = username(request.owner());
        step.dueOn = request.dueOn();
        return step;
    }

    /**
     * A next step cannot be due before the touchpoint at which it was agreed took place: such a date is a typo,
     * and it would put the step on the overdue list the moment it is written.
     */
    static void requireDueNotBefore(LocalDate dueOn, LocalDate occurredOn, String field) {
        if (dueOn.isBefore(occurredOn)) {
            throw ProblemException.badRequest(field, "must not be before the touchpoint's date " + occurredOn);
        }
    }

    private boolean executive(Touchpoint touchpoint) {
        List<UUID> contacts = touchpoint.contactIds();
        return !contacts.isEmpty()
                && !executives.executives(touchpoint.partnerId, contacts, touchpoint.occurredOn).isEmpty();
    }

    private static Touchpoint find(UUID id) {
        return Touchpoint.<Touchpoint>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Touchpoint", id));
    }

    /** Loads what the response shows, while the transaction is open (batch-fetched for list pages). */
    private static Touchpoint load(Touchpoint touchpoint) {
        touchpoint.attendees.size();
        touchpoint.nextSteps.size();
        return touchpoint;
    }

    private static void requireNotFuture(LocalDate occurredOn) {
        if (occurredOn.isAfter(today().plusDays(1))) {
            throw ProblemException.badRequest("occurredOn", "must not be more than one day in the future");
        }
    }

    static LocalDate cursorDate(Cursor cursor) {
        try {
            return LocalDate.parse(cursor.key(0));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this list produced; start again without it");
        }
    }

    /** An erased contact attends nothing new: its record is kept for the meetings it already attended. */
    private static void requireNoneErased(List<UUID> contactIds) {
        if (!contactIds.isEmpty() && Contact.count("id in ?1 and erasedAt is not null", contactIds) > 0) {
            throw ProblemException.badRequest("attendeeContactIds", "names an erased contact");
        }
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
    }

    private static List<String> usernames(List<String> names) {
        return names == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(names.stream().map(TouchpointService::username).toList()));
    }

    /** Usernames compare case-insensitively, as the identity provider treats them. */
    static String username(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

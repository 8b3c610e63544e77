package dev.trellis.partner.service;

import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.messaging.out.TouchpointEvents;
import dev.trellis.partner.persistence.ExecutiveAttendees;
import dev.trellis.partner.persistence.TouchpointQueries;
import dev.trellis.partner.service.command.LogTouchpoint;
import dev.trellis.partner.service.command.NewNextStep;
import dev.trellis.partner.service.command.TouchpointChanges;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.patch.MergePatch;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Touchpoints with partners and the next steps agreed at them. Only staff roles reach them (the resources
 * say which): notes are internal, so partners have no route here at all.
 */
@ApplicationScoped
public class TouchpointService {
    private final ExecutiveAttendees executives;
    private final TouchpointEvents events;
    private final TouchpointQueries queries;
    private final Clock clock;

    public TouchpointService(ExecutiveAttendees executives, TouchpointEvents events, TouchpointQueries queries,
            Clock clock) {
        this.executives = executives;
        this.events = events;
        this.queries = queries;
        this.clock = clock;
    }

    /** Today in the foundation's zone; a touchpoint may be dated at most one day after it, which covers every time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Logs a touchpoint; the caller is recorded as the one who logged it. */
    @Transactional
    public Touchpoint log(UUID partnerId, LogTouchpoint command, Caller caller) {
        String loggedBy = caller.requireUsername();
        if (Partner.findById(partnerId) == null) {
            throw NotFound.of("Partner", partnerId);
        }
        requireNotFuture(command.occurredOn());
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.partnerId = partnerId;
        touchpoint.occurredOn = command.occurredOn();
        touchpoint.type = command.type();
        touchpoint.summary = required(command.summary(), "summary");
        touchpoint.notes = blankToNull(command.notes());
        touchpoint.loggedBy = loggedBy;
        List<UUID> attendees = distinct(command.attendeeContactIds());
        requireNoneErased(attendees);
        touchpoint.replaceContacts(attendees);
        touchpoint.replaceStaff(usernames(command.attendeeStaff()));
        touchpoint.executive = executive(touchpoint);
        List<NewNextStep> steps = command.nextSteps() == null ? List.of() : command.nextSteps();
        for (int i = 0; i < steps.size(); i++) {
            touchpoint.nextSteps.add(newStep(touchpoint, steps.get(i), "nextSteps[" + i + "].dueOn"));
        }
        touchpoint.persist();
        events.logged(touchpoint);
        return touchpoint;
    }

    /** One page of a partner's touchpoints, newest first by (occurredOn, id). */
    @Transactional
    public Page<Touchpoint> list(UUID partnerId, TouchpointFilter filter, PageRequest page) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw InvalidInput.field("from", "must not be after 'to'");
        }
        if (Partner.findById(partnerId) == null) {
            throw NotFound.of("Partner", partnerId);
        }
        List<Touchpoint> fetched = queries.ofPartner(partnerId, filter.type(), filter.executive(), filter.from(),
                filter.to(), page);
        fetched.forEach(TouchpointService::load);
        return Page.of(fetched, page, TouchpointQueries::cursorOf, t -> t);
    }

    @Transactional
    public Touchpoint get(UUID id) {
        return load(find(id));
    }

    /**
     * A JSON merge patch of a touchpoint: a field left out stays as it is. A field sent as null clears it
     * where it may be empty (notes, the attendee lists) and is refused, naming the field, where it may not
     * (occurredOn, type, summary). Changing the contact attendees or the date recomputes the executive flag.
     */
    @Transactional
    public Touchpoint update(UUID id, String ifMatch, MergePatch<TouchpointChanges> patch) {
        Touchpoint touchpoint = find(id);
        Versions.requireMatch(ifMatch, touchpoint.version);
        TouchpointChanges changes = patch.value();
        boolean recompute = false;
        if (patch.has("occurredOn")) {
            LocalDate occurredOn = present(changes.occurredOn(), "occurredOn");
            if (!occurredOn.equals(touchpoint.occurredOn)) {
                requireNotFuture(occurredOn);
                touchpoint.nextSteps.stream().filter(s -> s.dueOn.isBefore(occurredOn)).findFirst()
                        .ifPresent(s -> {
                            throw InvalidInput.field("occurredOn",
                                    "a next step of this touchpoint is due on " + s.dueOn + ", before this date");
                        });
                touchpoint.occurredOn = occurredOn;
                recompute = true;
            }
        }
        if (patch.has("type")) {
            touchpoint.type = present(changes.type(), "type");
        }
        if (patch.has("summary")) {
            touchpoint.summary = required(changes.summary(), "summary");
        }
        if (patch.has("notes")) {
            touchpoint.notes = blankToNull(changes.notes());
        }
        if (patch.has("attendeeContactIds")) {
            List<UUID> attendees = distinct(changes.attendeeContactIds());
            // Attendees already on the touchpoint stay even if erased since; only new ones are checked.
            List<UUID> present = touchpoint.contactIds();
            requireNoneErased(attendees.stream().filter(contact -> !present.contains(contact)).toList());
            touchpoint.replaceContacts(attendees);
            recompute = true;
        }
        if (patch.has("attendeeStaff")) {
            touchpoint.replaceStaff(usernames(changes.attendeeStaff()));
        }
        if (recompute) {
            touchpoint.executive = executive(touchpoint);
        }
        touchpoint.touched(Instant.now(clock));
        return load(touchpoint);
    }

    @Transactional
    public NextStep addNextStep(UUID touchpointId, NewNextStep command) {
        Touchpoint touchpoint = find(touchpointId);
        NextStep step = newStep(touchpoint, command, "dueOn");
        touchpoint.nextSteps.add(step);
        step.persist();
        return step;
    }

    private NextStep newStep(Touchpoint touchpoint, NewNextStep command, String dueField) {
        requireDueNotBefore(command.dueOn(), touchpoint.occurredOn, dueField);
        NextStep step = new NextStep();
        step.id = UUID.randomUUID();
        step.touchpoint = touchpoint;
        step.description = required(command.description(), "description");
        step.owner = username(command.owner());
        step.dueOn = command.dueOn();
        return step;
    }

    /**
     * A next step cannot be due before the touchpoint at which it was agreed took place: such a date is a typo,
     * and it would put the step on the overdue list the moment it is written.
     */
    static void requireDueNotBefore(LocalDate dueOn, LocalDate occurredOn, String field) {
        if (dueOn.isBefore(occurredOn)) {
            throw InvalidInput.field(field, "must not be before the touchpoint's date " + occurredOn);
        }
    }

    private boolean executive(Touchpoint touchpoint) {
        List<UUID> contacts = touchpoint.contactIds();
        return !contacts.isEmpty()
                && !executives.executives(touchpoint.partnerId, contacts, touchpoint.occurredOn).isEmpty();
    }

    private static Touchpoint find(UUID id) {
        return Touchpoint.<Touchpoint>findByIdOptional(id).orElseThrow(() -> NotFound.of("Touchpoint", id));
    }

    /** Loads what the response shows, while the transaction is open (batch-fetched for list pages). */
    private static Touchpoint load(Touchpoint touchpoint) {
        touchpoint.attendees.size();
        touchpoint.nextSteps.size();
        return touchpoint;
    }

    private void requireNotFuture(LocalDate occurredOn) {
        if (occurredOn.isAfter(today().plusDays(1))) {
            throw InvalidInput.field("occurredOn", "must not be more than one day in the future");
        }
    }

    /** An erased contact attends nothing new: its record is kept for the meetings it already attended. */
    private static void requireNoneErased(List<UUID> contactIds) {
        if (!contactIds.isEmpty() && Contact.count("id in ?1 and erasedAt is not null", contactIds) > 0) {
            throw InvalidInput.field("attendeeContactIds", "names an erased contact");
        }
    }

    /** A merge patch's value for a field that cannot be cleared. */
    static <T> T present(T value, String field) {
        if (value == null) {
            throw InvalidInput.field(field, "cannot be cleared");
        }
        return value;
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.field(field, "must not be blank");
        }
        return value.strip();
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

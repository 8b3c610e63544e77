package dev.trellis.partner.service;

import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.messaging.out.TouchpointEvents;
import dev.trellis.partner.persistence.AffiliationQueries;
import dev.trellis.partner.persistence.ExecutiveAttendees;
import dev.trellis.partner.persistence.TouchpointQueries;
import dev.trellis.partner.service.command.LogTouchpoint;
import dev.trellis.partner.service.command.NewNextStep;
import dev.trellis.partner.service.command.TouchpointChanges;
import dev.trellis.platform.domain.BrokenRule;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Touchpoints with partners and the next steps agreed at them. Only staff roles reach them (the resources
 * say which): notes are internal, so partners have no route here at all.
 */
@ApplicationScoped
public class TouchpointService {
    /** The most next steps one touchpoint holds: 20 as it is logged, more added one by one up to this. */
    public static final int MAX_NEXT_STEPS = 100;

    private final ExecutiveAttendees executives;
    private final AffiliationQueries affiliations;
    private final TouchpointEvents events;
    private final TouchpointQueries queries;
    private final StaffDirectory staff;
    private final Clock clock;

    public TouchpointService(ExecutiveAttendees executives, AffiliationQueries affiliations, TouchpointEvents events,
            TouchpointQueries queries, StaffDirectory staff, Clock clock) {
        this.executives = executives;
        this.affiliations = affiliations;
        this.events = events;
        this.queries = queries;
        this.staff = staff;
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
        staff.seen(caller);
        requireNotFuture(command.occurredOn());
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.partnerId = partnerId;
        touchpoint.occurredOn = command.occurredOn();
        touchpoint.type = command.type();
        touchpoint.summary = required(command.summary(), "summary");
        touchpoint.notes = blankToNull(command.notes());
        touchpoint.notesDisclosable = command.notesDisclosable() == null || command.notesDisclosable();
        touchpoint.loggedBy = loggedBy;
        List<UUID> attendees = distinct(command.attendeeContactIds());
        requireAttendees(partnerId, touchpoint.occurredOn, command.attendeeContactIds(), attendees, Set.copyOf(attendees),
                false);
        touchpoint.replaceContacts(attendees);
        touchpoint.replaceStaff(usernames(command.attendeeStaff()));
        touchpoint.executive = executive(touchpoint);
        List<NewNextStep> steps = command.nextSteps() == null ? List.of() : command.nextSteps();
        for (int i = 0; i < steps.size(); i++) {
            touchpoint.nextSteps.add(newStep(touchpoint, steps.get(i), "nextSteps[" + i + "]."));
        }
        touchpoint.persist();
        events.logged(touchpoint);
        touchpoint.nextSteps.forEach(events::nextStep);
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
        boolean dateChanged = false;
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
                dateChanged = true;
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
        if (patch.has(TouchpointChanges.NOTES_DISCLOSABLE)) {
            touchpoint.notesDisclosable = present(changes.notesDisclosable(), TouchpointChanges.NOTES_DISCLOSABLE);
        }
        List<UUID> present = touchpoint.contactIds();
        if (patch.has("attendeeContactIds")) {
            List<UUID> attendees = distinct(changes.attendeeContactIds());
            // Attendees already on the touchpoint stay even if erased since; new ones are checked in full, and
            // those who stay only against a new date.
            Set<UUID> added = attendees.stream().filter(contact -> !present.contains(contact)).collect(Collectors.toSet());
            requireAttendees(touchpoint.partnerId, touchpoint.occurredOn, changes.attendeeContactIds(), attendees, added,
                    dateChanged);
            touchpoint.replaceContacts(attendees);
            recompute = true;
        } else if (dateChanged) {
            requireAttendees(touchpoint.partnerId, touchpoint.occurredOn, present, present, Set.of(), true);
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
        if (touchpoint.nextSteps.size() >= MAX_NEXT_STEPS) {
            throw RuleViolation.of("too-many-next-steps", "Too many next steps",
                    "A touchpoint holds at most " + MAX_NEXT_STEPS + " next steps; close or move some to a new touchpoint");
        }
        NextStep step = newStep(touchpoint, command, "");
        touchpoint.nextSteps.add(step);
        step.persist();
        events.nextStep(step);
        return step;
    }

    /** @param prefix what the request calls the step's fields before their names: "" or "nextSteps[2]." */
    private NextStep newStep(Touchpoint touchpoint, NewNextStep command, String prefix) {
        requireDueNotBefore(command.dueOn(), touchpoint.occurredOn, prefix + "dueOn");
        NextStep step = new NextStep();
        step.id = UUID.randomUUID();
        step.touchpoint = touchpoint;
        step.description = required(command.description(), prefix + "description");
        step.owner = staff.requireKnown(command.owner(), prefix + "owner");
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

    /**
     * The contact attendees of a touchpoint are people of its partner on its day. Each contact in
     * {@code checked} must exist and not be erased (an erased contact attends nothing new; its record is kept
     * for the meetings it already attended): else a 400 naming {@code attendeeContactIds[i]}. Each of those,
     * and with {@code allOnDate} every attendee not erased, must have been affiliated with the partner
     * (any role) on {@code on}: else a 422 {@code attendee-not-affiliated} naming each attendee at fault.
     *
     * @param requested the list as the request sent it, for the indexes; null if none was sent
     * @param attendees the attendees the touchpoint will have, without repeats
     */
    private void requireAttendees(UUID partnerId, LocalDate on, List<UUID> requested, List<UUID> attendees,
            Set<UUID> checked, boolean allOnDate) {
        if (attendees.isEmpty()) {
            return;
        }
        Map<UUID, Contact> found = new HashMap<>();
        Contact.<Contact>list("id in ?1", attendees).forEach(c -> found.put(c.id, c));
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (UUID id : attendees) {
            if (!checked.contains(id)) {
                continue;
            }
            Contact contact = found.get(id);
            if (contact == null) {
                errors.add(new InvalidInput.FieldError(attendeeField(requested, id), "names no contact"));
            } else if (contact.erased()) {
                errors.add(new InvalidInput.FieldError(attendeeField(requested, id), "names an erased contact"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        Set<UUID> affiliated = affiliations.affiliatedOn(partnerId, attendees, on);
        List<BrokenRule> broken = new ArrayList<>();
        for (UUID id : attendees) {
            Contact contact = found.get(id);
            boolean check = checked.contains(id) || (allOnDate && contact != null && !contact.erased());
            if (check && !affiliated.contains(id)) {
                broken.add(new BrokenRule("attendee-not-affiliated", attendeeField(requested, id) + " (" + id
                        + ") was not affiliated with the touchpoint's partner on " + on));
            }
        }
        if (!broken.isEmpty()) {
            throw new RuleViolation("attendee-not-affiliated", "Attendee not of this partner", broken);
        }
    }

    private static String attendeeField(List<UUID> requested, UUID id) {
        int index = requested == null ? -1 : requested.indexOf(id);
        return index < 0 ? "attendeeContactIds" : "attendeeContactIds[" + index + "]";
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

package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.messaging.out.EventMessages;
import dev.trellis.event.messaging.out.MailMessages;
import dev.trellis.event.persistence.EventQueries;
import dev.trellis.event.service.command.EventChanges;
import dev.trellis.event.service.command.EventDetails;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.patch.MergePatch;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Events: drafted, changed and published by the community team; drafts are seen by the community team only. */
@ApplicationScoped
public class EventService {
    private static final List<RegistrationStatus> LIVE = List.of(RegistrationStatus.REGISTERED,
            RegistrationStatus.WAITLISTED);
    private final EventMessages messages;
    private final MailMessages mails;
    private final Seats seats;
    private final EventQueries queries;
    private final Clock clock;

    public EventService(EventMessages messages, MailMessages mails, Seats seats, EventQueries queries, Clock clock) {
        this.messages = messages;
        this.mails = mails;
        this.seats = seats;
        this.queries = queries;
        this.clock = clock;
    }

    /** One page in (starts_at, id) order. Callers other than the community team never see drafts. */
    @Transactional
    public Page<Event> list(PageRequest page, EventFilter filter, Caller caller) {
        return queries.page(new EventQueries.Search(filter.status(), filter.kind(), filter.from(), filter.to(),
                filter.userGroupId(), caller.isCommunityTeam()), page);
    }

    /** @throws NotFound also for a draft that the caller may not see, so drafts do not leak */
    @Transactional
    public Event get(UUID id, Caller caller) {
        return Event.<Event>findByIdOptional(id)
                .filter(e -> caller.isCommunityTeam() || e.status != EventStatus.DRAFT)
                .orElseThrow(() -> NotFound.of("Event", id));
    }

    /** The event, its row locked until the transaction ends: registrations and check-ins queue up on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event lock(UUID id, Caller caller) {
        Event event = Event.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || (event.status == EventStatus.DRAFT && !caller.isCommunityTeam())) {
            throw NotFound.of("Event", id);
        }
        return event;
    }

    /** Creates an event as a draft and, for another {@code status}, moves it there (the demo data's past events). */
    @Transactional
    public Event create(UUID id, EventDetails details, EventStatus status) {
        Event event = new Event();
        event.id = id;
        event.status = EventStatus.DRAFT;
        apply(event, details);
        event.persist();
        if (status != EventStatus.DRAFT) {
            changeStatus(event, status, Instant.now(clock));
        }
        return event;
    }

    @Transactional
    public boolean exists(UUID id) {
        return Event.count("id", id) > 0;
    }

    /**
     * Changes an event's details; a raised capacity moves the waitlist up. A published event that moves to another
     * time (start, end or zone) records the {@code event-moved} mail to each registrant and waitlisted person.
     *
     * @throws StateConflict {@code event-closed} for a cancelled or completed event
     * @throws RuleViolation {@code capacity-below-registrations}, or {@code event-without-place} for a published one
     */
    @Transactional
    public Event update(UUID id, String ifMatch, MergePatch<EventChanges> patch) {
        Event event = lock(id, Caller.SYSTEM);
        Versions.requireMatch(ifMatch, event.version);
        event.requireChangeable();
        EventDetails d = details(event);
        EventDetails changed = new EventDetails(
                required(patch, "kind", d.kind(), EventChanges::kind),
                required(patch, "title", d.title(), c -> strip(c.title())),
                patch.apply("description", d.description(), EventChanges::description),
                required(patch, "startsAt", d.startsAt(), EventChanges::startsAt),
                required(patch, "endsAt", d.endsAt(), EventChanges::endsAt),
                required(patch, "timeZone", d.timeZone(), EventChanges::timeZone),
                patch.apply("venue", d.venue(), EventChanges::venue),
                patch.apply("onlineUrl", d.onlineUrl(), EventChanges::onlineUrl),
                patch.apply("capacity", d.capacity(), EventChanges::capacity),
                patch.apply("registrationOpensAt", d.registrationOpensAt(), EventChanges::registrationOpensAt),
                patch.apply("registrationClosesAt", d.registrationClosesAt(), EventChanges::registrationClosesAt),
                patch.apply("userGroupId", d.userGroupId(), EventChanges::userGroupId),
                required(patch, "publicSignUp", d.publicSignUp(), EventChanges::publicSignUp));
        if (changed.capacity() != null) {
            long taken = seats.taken(event);
            if (changed.capacity() < taken) {
                throw RuleViolation.of("capacity-below-registrations", "Capacity below seats taken", "Capacity "
                        + changed.capacity() + " is below the " + taken + " seats already taken");
            }
        }
        String previousWhen = mails.when(event);
        boolean moved = !changed.startsAt().equals(event.startsAt) || !changed.endsAt().equals(event.endsAt)
                || !changed.timeZone().equals(event.timeZone);
        apply(event, changed);
        List<Registration> told = List.of();
        if (event.status == EventStatus.PUBLISHED) {
            event.requirePlace();
            if (moved) {
                told = Registration.list("eventId = ?1 and status in ?2 order by seq", event.id, LIVE);
            }
            seats.promote(event); // more seats: the waitlist moves up
        }
        Event.getEntityManager().flush();
        // After the flush, so that the calendar entry carries the event's new version as its SEQUENCE.
        if (!told.isEmpty()) {
            String calendar = CalendarService.invitation(event);
            for (Registration r : told) {
                mails.moved(event, r, previousWhen, calendar);
            }
        }
        return event;
    }

    /**
     * Publishes, completes or cancels. Completing turns registrations nobody checked in into no-shows; cancelling
     * cancels the registrations and the waitlist, and records the {@code event-cancelled} mail to each of them.
     *
     * @throws StateConflict {@code status-transition} for a move the current status does not allow
     * @throws RuleViolation {@code event-without-place} (publishing), {@code event-not-started} (completing)
     */
    @Transactional
    public Event changeStatus(UUID id, String ifMatch, EventStatus target) {
        Event event = lock(id, Caller.SYSTEM);
        Versions.requireMatch(ifMatch, event.version);
        List<Registration> told = target == EventStatus.CANCELLED
                ? Registration.list("eventId = ?1 and status in ?2 order by seq", event.id, LIVE) : List.of();
        changeStatus(event, target, Instant.now(clock));
        Event.getEntityManager().flush();
        // Everyone who held a seat or waited for one hears of it, with the calendar entry marked CANCELLED.
        if (!told.isEmpty()) {
            String calendar = CalendarService.invitation(event);
            for (Registration r : told) {
                mails.cancelled(event, r, calendar);
            }
        }
        return event;
    }

    private void changeStatus(Event event, EventStatus target, Instant now) {
        if (target == EventStatus.PUBLISHED) {
            event.requirePlace();
        }
        if (target == EventStatus.COMPLETED) {
            event.requireStarted(now);
        }
        event.moveTo(target);
        switch (target) {
            case PUBLISHED -> messages.published(event);
            case COMPLETED -> {
                List<Registration> absent = Registration.list("eventId = ?1 and status = ?2 order by seq", event.id,
                        RegistrationStatus.REGISTERED);
                for (Registration r : absent) {
                    r.status = RegistrationStatus.NO_SHOW;
                    messages.attendance(r, false);
                }
            }
            case CANCELLED -> {
                // Nobody holds a seat at an event that will not take place; consumers hear of each.
                List<Registration> live = Registration.list("eventId = ?1 and status in ?2 order by seq", event.id,
                        List.of(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED));
                for (Registration r : live) {
                    r.status = RegistrationStatus.CANCELLED;
                    messages.registration(r);
                }
            }
            default -> {
            }
        }
    }

    /** A field of the patch that may be changed but not cleared: present as null, it is a 400 naming it. */
    private static <V> V required(MergePatch<EventChanges> patch, String field, V current,
            Function<EventChanges, V> value) {
        V changed = patch.apply(field, current, value);
        if (changed == null) {
            throw InvalidInput.field(field, "must not be null");
        }
        return changed;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static EventDetails details(Event e) {
        return new EventDetails(e.kind, e.title, e.description, e.startsAt, e.endsAt, e.timeZone, e.venue, e.onlineUrl,
                e.capacity, e.registrationOpensAt, e.registrationClosesAt, e.userGroupId, e.publicSignUp);
    }

    private static void apply(Event event, EventDetails d) {
        if (!d.endsAt().isAfter(d.startsAt())) {
            throw InvalidInput.field("endsAt", "must be after startsAt");
        }
        try {
            ZoneId.of(d.timeZone());
        } catch (DateTimeException e) {
            throw InvalidInput.field("timeZone", "is not a known IANA time zone");
        }
        if (d.registrationOpensAt() != null && d.registrationClosesAt() != null
                && !d.registrationClosesAt().isAfter(d.registrationOpensAt())) {
            throw InvalidInput.field("registrationClosesAt", "must be after registrationOpensAt");
        }
        if (d.userGroupId() != null && UserGroup.findById(d.userGroupId()) == null) {
            throw InvalidInput.field("userGroupId", "is not a known user group");
        }
        event.kind = d.kind();
        event.title = d.title();
        event.description = d.description();
        event.startsAt = d.startsAt();
        event.endsAt = d.endsAt();
        event.timeZone = d.timeZone();
        event.venue = d.venue();
        event.onlineUrl = d.onlineUrl();
        event.capacity = d.capacity();
        event.registrationOpensAt = d.registrationOpensAt();
        event.registrationClosesAt = d.registrationClosesAt();
        event.userGroupId = d.userGroupId();
        event.publicSignUp = d.publicSignUp();
    }
}

package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.EventRuleException;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.event.messaging.EventMessages;
import dev.trellis.event.rest.dto.EventPatch;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.MergePatch;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EventService {
    private final EventMessages messages;
    private final Seats seats;

    public EventService(EventMessages messages, Seats seats) {
        this.messages = messages;
        this.seats = seats;
    }

    /** One page in (starts_at, id) order. Callers other than the community team never see drafts. */
    @Transactional
    public List<Event> list(PageRequest page, EventFilter filter, Caller caller) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!caller.communityTeam()) {
            where.add("status <> :draft");
            params.and("draft", EventStatus.DRAFT);
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.from() != null) {
            where.add("startsAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("startsAt < :to");
            params.and("to", filter.to());
        }
        if (filter.userGroupId() != null) {
            where.add("userGroupId = :group");
            params.and("group", filter.userGroupId());
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            where.add("(startsAt, id) > (:at, :id)");
            params.and("at", after.instant(0)).and("id", after.uuid(1));
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by startsAt, id";
        return Event.find(query, params).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Event event) {
        return Cursor.of(event.startsAt, event.id);
    }

    /** @throws ProblemException 404 also for a draft that the caller may not see, so drafts do not leak */
    @Transactional
    public Event get(UUID id, Caller caller) {
        return Event.<Event>findByIdOptional(id)
                .filter(e -> caller.communityTeam() || e.status != EventStatus.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("Event", id));
    }

    /** The event, its row locked until the transaction ends: registrations and check-ins queue up on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event lock(UUID id, Caller caller) {
        Event event = Event.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || (event.status == EventStatus.DRAFT && !caller.communityTeam())) {
            throw ProblemException.notFound("Event", id);
        }
        return event;
    }

    @Transactional
    public Event create(UUID id, EventDetails details, EventStatus status) {
        Event event = new Event();
        event.id = id;
        event.status = EventStatus.DRAFT;
        apply(event, details);
        event.persist();
        if (status != EventStatus.DRAFT) {
            changeStatus(event, status, Instant.now());
        }
        return event;
    }

    @Transactional
    public boolean exists(UUID id) {
        return Event.count("id", id) > 0;
    }

    @Transactional
    public Event update(UUID id, String ifMatch, MergePatch<EventPatch> patch) {
        Event event = lock(id, Caller.SYSTEM);
        EntityTags.requireMatch(ifMatch, event.version);
        if (event.status == EventStatus.CANCELLED || event.status == EventStatus.COMPLETED) {
            throw new EventRuleException("event-closed", "A " + event.status + " event can no longer be changed");
        }
        EventPatch p = patch.value();
        EventDetails d = details(event);
        EventDetails changed = new EventDetails(
                patch.has("kind") ? Patches.required("kind", p.kind()) : d.kind(),
                patch.has("title") ? Patches.required("title", p.title()).strip() : d.title(),
                patch.has("description") ? p.description() : d.description(),
                patch.has("startsAt") ? Patches.required("startsAt", p.startsAt()) : d.startsAt(),
                patch.has("endsAt") ? Patches.required("endsAt", p.endsAt()) : d.endsAt(),
                patch.has("timeZone") ? Patches.required("timeZone", p.timeZone()) : d.timeZone(),
                patch.has("venue") ? p.venue() : d.venue(),
                patch.has("onlineUrl") ? p.onlineUrl() : d.onlineUrl(),
                patch.has("capacity") ? p.capacity() : d.capacity(),
                patch.has("registrationOpensAt") ? p.registrationOpensAt() : d.registrationOpensAt(),
                patch.has("registrationClosesAt") ? p.registrationClosesAt() : d.registrationClosesAt(),
                patch.has("userGroupId") ? p.userGroupId() : d.userGroupId());
        if (changed.capacity() != null) {
            long taken = seats.taken(event);
            if (changed.capacity() < taken) {
                throw new EventRuleException("capacity-below-registrations", "Capacity " + changed.capacity()
                        + " is below the " + taken + " seats already taken");
            }
        }
        apply(event, changed);
        if (event.status == EventStatus.PUBLISHED) {
            requirePlace(event);
            seats.promote(event); // more seats: the waitlist moves up
        }
        Event.getEntityManager().flush();
        return event;
    }

    /**
     * Publishes, completes or cancels. Completing turns registrations nobody checked in into no-shows; cancelling
     * cancels the registrations and the waitlist.
     */
    @Transactional
    public Event changeStatus(UUID id, String ifMatch, EventStatus target) {
        Event event = lock(id, Caller.SYSTEM);
        EntityTags.requireMatch(ifMatch, event.version);
        changeStatus(event, target, Instant.now());
        Event.getEntityManager().flush();
        return event;
    }

    private void changeStatus(Event event, EventStatus target, Instant now) {
        if (target == EventStatus.PUBLISHED) {
            requirePlace(event);
        }
        if (target == EventStatus.COMPLETED && now.isBefore(event.startsAt)) {
            throw new EventRuleException("event-not-started", "An event can be completed once it has started");
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

    private static void requirePlace(Event event) {
        if (event.venue == null && event.onlineUrl == null) {
            throw new EventRuleException("event-without-place", "A published event needs a venue or an online link");
        }
    }

    private static EventDetails details(Event e) {
        return new EventDetails(e.kind, e.title, e.description, e.startsAt, e.endsAt, e.timeZone, e.venue, e.onlineUrl,
                e.capacity, e.registrationOpensAt, e.registrationClosesAt, e.userGroupId);
    }

    private static void apply(Event event, EventDetails d) {
        if (!d.endsAt().isAfter(d.startsAt())) {
            throw ProblemException.badRequest("endsAt", "must be after startsAt");
        }
        try {
            ZoneId.of(d.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone", "is not a known IANA time zone");
        }
        if (d.registrationOpensAt() != null && d.registrationClosesAt() != null
                && !d.registrationClosesAt().isAfter(d.registrationOpensAt())) {
            throw ProblemException.badRequest("registrationClosesAt", "must be after registrationOpensAt");
        }
        if (d.userGroupId() != null && UserGroup.findById(d.userGroupId()) == null) {
            throw ProblemException.badRequest("userGroupId", "is not a known user group");
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
    }
}

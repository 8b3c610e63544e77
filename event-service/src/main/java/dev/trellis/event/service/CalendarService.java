package dev.trellis.event.service;

import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.EventStatus;
import dev.trellis.event.domain.UserGroup;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.ical.CalendarEntry;
import dev.trellis.platform.ical.ICalendar;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * iCalendar feeds of events, written by the platform's {@link ICalendar}. Drafts never appear; cancelled
 * events stay in the feeds with STATUS:CANCELLED, so subscribed calendars drop them instead of keeping a stale
 * entry. Each entry's UID is the event id, stable for the event's life; SEQUENCE is its version.
 */
@ApplicationScoped
public class CalendarService {
    static final String PRODUCT_ID = "-//Trellis//event-service//EN";
    static final String UID_DOMAIN = "@events.trellis.dev";
    /** The all-events feed looks back a year; older events do not matter to a subscribed calendar. */
    private static final long LOOK_BACK_DAYS = 366;
    private static final int MAX_ENTRIES = 2000;
    private static final List<EventStatus> LISTED = List.of(EventStatus.PUBLISHED, EventStatus.COMPLETED,
            EventStatus.CANCELLED);

    private final EventService events;
    private final Clock clock;

    public CalendarService(EventService events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public String allEvents() {
        List<Event> listed = Event.find("status in ?1 and startsAt >= ?2 order by startsAt, id", LISTED,
                Instant.now(clock).minus(LOOK_BACK_DAYS, ChronoUnit.DAYS)).page(0, MAX_ENTRIES).list();
        return ICalendar.of(PRODUCT_ID, "Trellis events", listed.stream().map(CalendarService::entry).toList()).write();
    }

    @Transactional
    public String event(UUID id) {
        return invitation(events.get(id, Caller.ANONYMOUS));
    }

    @Transactional
    public String userGroup(UUID id) {
        UserGroup group = UserGroup.<UserGroup>findByIdOptional(id)
                .orElseThrow(() -> NotFound.of("User group", id));
        List<Event> meetups = Event.find("userGroupId = ?1 and status in ?2 order by startsAt, id", id, LISTED)
                .page(0, MAX_ENTRIES).list();
        return ICalendar.of(PRODUCT_ID, group.name, meetups.stream().map(CalendarService::entry).toList()).write();
    }

    /** The one event as iCalendar, as its own feed has it: what the registration mails attach. */
    static String invitation(Event event) {
        return ICalendar.of(PRODUCT_ID, event.title, List.of(entry(event))).write();
    }

    static CalendarEntry entry(Event e) {
        ZoneId zone = ZoneId.of(e.timeZone);
        StringBuilder description = new StringBuilder(e.description == null ? "" : e.description);
        if (e.onlineUrl != null) {
            description.append(description.isEmpty() ? "" : "\n\n").append("Join online: ").append(e.onlineUrl);
        }
        String location = e.venue != null ? e.venue : e.onlineUrl;
        return new CalendarEntry(e.id + UID_DOMAIN, e.startsAt.atZone(zone), e.endsAt.atZone(zone), e.title,
                description.toString(), location, e.onlineUrl == null ? null : URI.create(e.onlineUrl),
                e.status == EventStatus.CANCELLED, (int) Math.min(e.version, Integer.MAX_VALUE), e.updatedAt);
    }
}

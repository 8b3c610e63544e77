package dev.trellis.event.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * The health rules of a user group, from the start times of its meetups that have taken place
 * (completed, or published and already started). "In the last 60 days" means at most 60 whole days
 * before {@code now}: a meetup exactly 60 days ago still counts, one 61 days ago does not.
 */
public final class UserGroupHealth {
    public static final int ACTIVE_WINDOW_DAYS = 60;
    public static final int ELIGIBLE_MIN_MEETUPS = 3;
    /** The meetups that count as held once they have started: published or completed (not cancelled). */
    public static final List<EventStatus> HELD = List.of(EventStatus.PUBLISHED, EventStatus.COMPLETED);

    public enum Health {
        ACTIVE, DORMANT
    }

    private UserGroupHealth() {
    }

    public static Health health(Collection<Instant> heldMeetups, Instant now) {
        return heldMeetups.stream().anyMatch(at -> recent(at, now)) ? Health.ACTIVE : Health.DORMANT;
    }

    /** Eligible (for foundation support): at least 3 meetups held, one of them in the last 60 days. */
    public static boolean eligible(Collection<Instant> heldMeetups, Instant now) {
        long held = heldMeetups.stream().filter(at -> !at.isAfter(now)).count();
        return held >= ELIGIBLE_MIN_MEETUPS && health(heldMeetups, now) == Health.ACTIVE;
    }

    private static boolean recent(Instant at, Instant now) {
        return !at.isAfter(now) && !at.isBefore(now.minus(ACTIVE_WINDOW_DAYS, ChronoUnit.DAYS));
    }
}

package dev.trellis.advisory.service.command;

import java.time.LocalDateTime;

/** Schedule a meeting at a local date-time in an IANA time zone ({@code timeZone}, e.g. Europe/Berlin). */
public record MeetingPlan(String title, LocalDateTime startsAt, String timeZone, int durationMinutes, String agenda,
        String minutes, String venue, String onlineUrl) {

    /** A meeting without a place named yet. */
    public MeetingPlan(String title, LocalDateTime startsAt, String timeZone, int durationMinutes, String agenda, String minutes) {
        this(title, startsAt, timeZone, durationMinutes, agenda, minutes, null, null);
    }
}

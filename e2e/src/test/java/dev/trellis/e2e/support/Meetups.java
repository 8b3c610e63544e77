package dev.trellis.e2e.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Events of a test's own, through the gateway as the community team, and waiting for what Kafka carries. */
public final class Meetups {
    private Meetups() {
    }

    /** A meetup of the test's own, published, open for registration (demo events may be closed or full). */
    public static String open(String title) {
        Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Http.Response created = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/events"), """
                {"kind": "MEETUP", "title": "%s", "startsAt": "%s", "endsAt": "%s", "timeZone": "Europe/Berlin",
                 "venue": "Online", "capacity": 10}
                """.formatted(title, startsAt, startsAt.plus(Duration.ofHours(2))));
        assertEquals(201, created.status(), created.toString());
        String event = created.json().get("id").asText();
        Http.Response published = status(event, "PUBLISHED");
        assertEquals(200, published.status(), published.toString());
        return event;
    }

    /** Moves the event to {@code status} (PUBLISHED, CANCELLED, ...). */
    public static Http.Response status(String event, String status) {
        return Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/events/" + event + "/status-changes"),
                "{\"status\": \"" + status + "\"}", Map.of("If-Match", "*"));
    }

    /** Calls until the answer passes {@code done} or {@code patience} is over; returns the last answer. */
    public static Http.Response poll(Supplier<Http.Response> call, Predicate<Http.Response> done, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Http.Response last = call.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            last = call.get();
        }
        return last;
    }
}

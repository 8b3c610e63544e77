package dev.trellis.partner.messaging.in;

import dev.trellis.contracts.advisory.BoardMeetingScheduled;
import dev.trellis.partner.service.BoardInvitations;
import dev.trellis.partner.service.ErasureService;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import dev.trellis.platform.messaging.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What partner-service does with the other services' events, once per event: their confirmations of erasure requests
 * (erasure-completed) are recorded on the request's step, and a scheduled board meeting's invitations are mailed to
 * its invitees, whose addresses are here. Every other event on these topics has no handler and is passed over.
 */
@ApplicationScoped
public class ServiceEventsConsumer {
    static final String ADVISORY = "advisory-events";
    static final String EVENT = "event-events";
    static final String INSIGHTS = "insights-events";

    private final EventDispatcher dispatcher;
    private final EventHandlers advisory;
    private final EventHandlers event;
    private final EventHandlers insights;

    public ServiceEventsConsumer(EventDispatcher dispatcher, ErasureService erasures, BoardInvitations invitations) {
        this.dispatcher = dispatcher;
        // The inbox keys: renaming one replays every event still on its topic, so they keep the names they were first
        // given (a replayed confirmation would be harmless, a replayed invitation would not).
        this.advisory = dispatcher.register(ADVISORY, EventHandlers.consumer("partner.erasure-confirmations.advisory")
                .on(dev.trellis.contracts.advisory.ErasureCompleted.class, (c, e) -> erasures.confirm(
                        required(c.requestId(), "requestId", e), "advisory", required(c.completedAt(), "completedAt", e)))
                .on(BoardMeetingScheduled.class, (m, e) -> {
                    required(m.meetingId(), "meetingId", e);
                    required(m.startsAt(), "startsAt", e);
                    required(m.endsAt(), "endsAt", e);
                    required(m.boardName(), "boardName", e);
                    required(m.title(), "title", e);
                    readable(m, e);
                    invitations.invite(m, e.time() == null ? m.startsAt() : e.time());
                })
                .build());
        this.event = dispatcher.register(EVENT, EventHandlers.consumer("partner.erasure-confirmations.event")
                .on(dev.trellis.contracts.event.ErasureCompleted.class, (c, e) -> erasures.confirm(
                        required(c.requestId(), "requestId", e), "event", required(c.completedAt(), "completedAt", e)))
                .build());
        this.insights = dispatcher.register(INSIGHTS, EventHandlers.consumer("partner.erasure-confirmations.insights")
                .on(dev.trellis.contracts.insights.ErasureCompleted.class, (c, e) -> erasures.confirm(
                        required(c.requestId(), "requestId", e), "insights", required(c.completedAt(), "completedAt", e)))
                .build());
    }

    @Incoming(ADVISORY)
    @Blocking
    public void onAdvisory(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(advisory, record);
    }

    @Incoming(EVENT)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(event, record);
    }

    @Incoming(INSIGHTS)
    @Blocking
    public void onInsights(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(insights, record);
    }

    /** What the invitation parses: a bad zone or address can never be mailed, so the event is a dead letter. */
    private static void readable(BoardMeetingScheduled m, EventHandlers.Event e) {
        try {
            ZoneId.of(required(m.timeZone(), "timeZone", e));
            if (m.onlineUrl() != null) {
                URI.create(m.onlineUrl());
            }
        } catch (DateTimeException | IllegalArgumentException bad) {
            throw new MalformedEventException(e.type() + " " + e.id() + ": " + bad.getMessage());
        }
        if (m.endsAt().isBefore(m.startsAt())) {
            throw new MalformedEventException(e.type() + " " + e.id() + " ends before it starts");
        }
    }

    private static <T> T required(T value, String field, EventHandlers.Event event) {
        if (value == null) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has no " + field);
        }
        return value;
    }
}

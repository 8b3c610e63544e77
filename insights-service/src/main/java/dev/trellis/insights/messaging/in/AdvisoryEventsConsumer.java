package dev.trellis.insights.messaging.in;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.advisory.AttendanceStatus;
import dev.trellis.contracts.advisory.BoardCompositionChanged;
import dev.trellis.contracts.advisory.BoardMeetingHeld;
import dev.trellis.contracts.advisory.MeetingAttendance;
import dev.trellis.contracts.advisory.SeatAssigned;
import dev.trellis.contracts.advisory.SeatFlagged;
import dev.trellis.contracts.advisory.SeatVacated;
import dev.trellis.contracts.advisory.VotingRestored;
import dev.trellis.contracts.advisory.VotingSuspended;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.insights.persistence.InsightsReadModel;
import dev.trellis.insights.service.HealthService;
import dev.trellis.platform.messaging.EventDispatcher;
import dev.trellis.platform.messaging.EventHandlers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * advisory-service's events: each board's seats per company group (for the level-playing-field report) and its members'
 * own entitlements (for entitled seats not filled; their health is marked due), seats held for a partner, seat flags, voting and board
 * meeting attendance onto the partner's timeline; its health is marked due in the same
 * transaction (HealthRecomputer computes it after the commit). A personal seat
 * (no partner) is on no partner's timeline.
 */
@ApplicationScoped
public class AdvisoryEventsConsumer {
    static final String CHANNEL = "advisory-events";
    static final String CONSUMER = "insights.advisory";

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public AdvisoryEventsConsumer(EventDispatcher dispatcher, InsightsReadModel model, HealthService health, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.handlers = dispatcher.register(CHANNEL, EventHandlers.consumer(CONSUMER)
                .on(BoardCompositionChanged.class, (c, e) -> model.composition(c.boardId(), c.boardName(), c.asOf(), c.seatsHeld(),
                        write(json, c.groups()), c.entitlements(), e.time()).forEach(health::recompute))
                .on(SeatAssigned.class, (s, e) -> {
                    model.seat(s.seatId(), s.boardId(), s.partnerId(), s.seatKind().name(), s.holderContactId(), s.termStart(),
                            s.termEnd(), null, e.time());
                    if (s.partnerId() != null) {
                        model.timeline(e.id(), s.partnerId(), e.time(), TimelineKind.SEAT_ASSIGNED, "seat", s.seatId(), s.boardId(),
                                false, seatKind(s.seatKind().name()) + " seat assigned, term " + s.termStart()
                                        + (s.termEnd() == null ? "" : " to " + s.termEnd()));
                        health.recompute(s.partnerId());
                    }
                })
                .on(SeatVacated.class, (s, e) -> {
                    model.seat(s.seatId(), s.boardId(), s.partnerId(), s.seatKind().name(), s.holderContactId(), s.termStart(),
                            s.termEnd(), s.effectiveDate() == null ? health.today() : s.effectiveDate(), e.time());
                    if (s.partnerId() != null) {
                        model.timeline(e.id(), s.partnerId(), e.time(), TimelineKind.SEAT_VACATED, "seat", s.seatId(), s.boardId(),
                                false, seatKind(s.seatKind().name()) + " seat vacated from " + s.effectiveDate());
                        health.recompute(s.partnerId());
                    }
                })
                .on(SeatFlagged.class, (s, e) -> {
                    if (s.partnerId() != null) {
                        model.timeline(e.id(), s.partnerId(), e.time(), TimelineKind.SEAT_FLAGGED, "seat", s.seatId(), s.boardId(),
                                false, "Seat flagged: " + s.reasonText());
                    }
                })
                .on(VotingSuspended.class, (s, e) -> {
                    if (s.partnerId() != null) {
                        model.timeline(e.id(), s.partnerId(), e.time(), TimelineKind.VOTING_SUSPENDED, "seat", s.seatId(), s.boardId(),
                                false, "Voting suspended: " + s.reasonText());
                    }
                })
                .on(VotingRestored.class, (s, e) -> {
                    if (s.partnerId() != null) {
                        model.timeline(e.id(), s.partnerId(), e.time(), TimelineKind.VOTING_RESTORED, "seat", s.seatId(), s.boardId(),
                                false, "Voting restored from " + s.effectiveDate());
                    }
                })
                .on(BoardMeetingHeld.class, (m, e) -> {
                    // One line per partner: present if any of its holders was (or sent an alternate).
                    Map<UUID, Boolean> present = new LinkedHashMap<>();
                    for (MeetingAttendance a : m.attendance()) {
                        if (a.partnerId() != null) {
                            present.merge(a.partnerId(), a.status() != AttendanceStatus.ABSENT, Boolean::logicalOr);
                        }
                    }
                    present.forEach((partner, there) -> {
                        model.timeline(e.id(), partner, m.heldAt(), there ? TimelineKind.MEETING_ATTENDED : TimelineKind.MEETING_MISSED,
                                "meeting", m.meetingId(), m.boardId(), false, there ? "Represented at a board meeting"
                                        : "Not represented at a board meeting");
                        health.recompute(partner);
                    });
                })
                .build());
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contract records always serialise", e);
        }
    }

    private static String seatKind(String kind) {
        String words = kind.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return dispatcher.dispatch(handlers, batch);
    }
}

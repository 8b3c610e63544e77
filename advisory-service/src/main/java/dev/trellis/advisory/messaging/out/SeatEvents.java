package dev.trellis.advisory.messaging.out;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.SeatPolicyEngine;
import dev.trellis.contracts.advisory.AttendanceStatus;
import dev.trellis.contracts.advisory.BoardCompositionChanged;
import dev.trellis.contracts.advisory.BoardMeetingHeld;
import dev.trellis.contracts.advisory.BoardMeetingScheduled;
import dev.trellis.contracts.advisory.InviteeRole;
import dev.trellis.contracts.advisory.MeetingInvitee;
import dev.trellis.contracts.advisory.GroupSeats;
import dev.trellis.contracts.advisory.MeetingAttendance;
import dev.trellis.contracts.advisory.PartnerEntitlement;
import dev.trellis.contracts.advisory.SeatAssigned;
import dev.trellis.contracts.advisory.SeatFlagged;
import dev.trellis.contracts.advisory.SeatKind;
import dev.trellis.contracts.advisory.SeatVacated;
import dev.trellis.contracts.advisory.VotingRestored;
import dev.trellis.contracts.advisory.VotingSuspended;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seat and meeting facts as published events, recorded in the outbox inside the caller's transaction.
 * Topic, type and key (the board id, so each board's events stay ordered) come from the contracts'
 * {@code EventCatalog}.
 */
@ApplicationScoped
public class SeatEvents {
    private final Outbox outbox;

    public SeatEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void compositionChanged(UUID boardId, String boardName, LocalDate asOf, int seatsHeld,
            List<SeatPolicyEngine.GroupLine> groups, List<SeatPolicyEngine.EntitlementLine> entitlements) {
        outbox.publish(new BoardCompositionChanged(boardId, boardName, asOf, seatsHeld,
                groups.stream().map(g -> new GroupSeats(g.group(), g.seats(), g.cap())).toList(),
                entitlements.stream().map(e -> new PartnerEntitlement(e.partner(), e.tier(), e.entitled(), e.filled())).toList()));
    }

    public void assigned(Seat s) {
        outbox.publish(new SeatAssigned(s.boardId, s.id, kind(s), s.holderContactId, s.partnerId, s.termStart, s.termEnd));
    }

    public void vacated(Seat s) {
        outbox.publish(new SeatVacated(s.boardId, s.id, kind(s), s.holderContactId, s.partnerId, s.termStart, s.termEnd,
                s.vacatedOn));
    }

    public void flagged(Seat s, String reasonCode, String reasonText) {
        outbox.publish(new SeatFlagged(s.boardId, s.id, kind(s), s.holderContactId, s.partnerId, s.termStart, s.termEnd,
                reasonCode, reasonText));
    }

    public void votingSuspended(Seat s, LocalDate from, String reasonCode, String reasonText) {
        outbox.publish(new VotingSuspended(s.boardId, s.id, kind(s), s.holderContactId, s.partnerId, s.termStart, s.termEnd,
                from, reasonCode, reasonText));
    }

    public void votingRestored(Seat s, LocalDate from) {
        outbox.publish(new VotingRestored(s.boardId, s.id, kind(s), s.holderContactId, s.partnerId, s.termStart, s.termEnd,
                from));
    }

    public void meetingHeld(UUID boardId, UUID meetingId, Instant heldAt, boolean quorumMet, Map<Seat, String> attendance) {
        List<MeetingAttendance> lines = attendance.entrySet().stream().map(e -> new MeetingAttendance(e.getKey().holderContactId,
                e.getKey().partnerId, AttendanceStatus.valueOf(e.getValue()))).toList();
        outbox.publish(new BoardMeetingHeld(boardId, meetingId, heldAt, quorumMet, lines));
    }

    /** Someone a meeting's invitation goes to: a seat's holder, or its alternate. */
    public record Invitee(UUID contactId, UUID seatId, boolean alternate) {
    }

    /** A meeting is scheduled: partner-service, which holds the invitees' addresses, sends the invitations. */
    public void meetingScheduled(Board board, BoardMeeting m, List<Invitee> invitees) {
        outbox.publish(new BoardMeetingScheduled(board.id, board.name, m.id, m.title, m.startsAt,
                m.startsAt.plusSeconds(60L * m.durationMinutes), m.timeZone, m.venue, m.onlineUrl,
                invitees.stream().map(i -> new MeetingInvitee(i.contactId(), i.seatId(),
                        i.alternate() ? InviteeRole.ALTERNATE : InviteeRole.HOLDER)).toList()));
    }

    private static SeatKind kind(Seat s) {
        return SeatKind.valueOf(s.kind.name());
    }

    /** This service's part of an erasure request is committed (with this transaction). */
    public void erasureCompleted(UUID requestId, UUID contactId, Instant at) {
        outbox.publish(new dev.trellis.contracts.advisory.ErasureCompleted(requestId, contactId, at));
    }
}

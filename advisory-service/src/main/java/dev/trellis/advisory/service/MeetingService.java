package dev.trellis.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.domain.MeetingAttendance;
import dev.trellis.advisory.domain.Resolution;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.messaging.out.SeatEvents;
import dev.trellis.advisory.domain.Vote;
import dev.trellis.advisory.domain.VotingStatus;
import dev.trellis.advisory.domain.policy.Attendance;
import dev.trellis.advisory.domain.policy.Decision;
import dev.trellis.advisory.domain.policy.Presence;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.persistence.ContactReadModel;
import dev.trellis.advisory.persistence.MeetingQueries;
import dev.trellis.advisory.service.command.AttendanceSheet;
import dev.trellis.advisory.service.command.Ballot;
import dev.trellis.advisory.service.command.MeetingPlan;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Board meetings: scheduling, attendance and quorum, resolutions, and closing (which applies the attendance rule). */
@ApplicationScoped
public class MeetingService {
    private final BoardService boards;
    private final PolicyService policies;
    private final MeetingQueries queries;
    private final SeatEvents events;
    private final ContactReadModel contacts;
    private final ObjectMapper json;
    private final Clock clock;

    public MeetingService(BoardService boards, PolicyService policies, MeetingQueries queries, SeatEvents events,
            ContactReadModel contacts, ObjectMapper json, Clock clock) {
        this.boards = boards;
        this.policies = policies;
        this.queries = queries;
        this.events = events;
        this.contacts = contacts;
        this.json = json;
        this.clock = clock;
    }

    /** A meeting's attendance against its expected seats, and whether it makes quorum. */
    public record Roll(BoardMeeting meeting, Map<Seat, Presence> attendance, int votingSeats, int votingPresent) {
    }

    /**
     * The board's meetings by start, cursor-paged. Staff and the community team read every board's; a
     * partner user only those of a board where its organisation holds a seat today.
     *
     * @throws NotFound for a partner user without a seat on the board (as if there were no board)
     */
    @Transactional
    public Page<BoardMeeting> list(UUID boardId, Caller caller, PageRequest page) {
        requireReadable(boardId, caller);
        return queries.page(boardId, page);
    }

    /** All of a board's meetings, for its calendar feed, for whom {@link #list} shows them. */
    @Transactional
    public List<BoardMeeting> all(UUID boardId, Caller caller) {
        requireReadable(boardId, caller);
        return all(boardId);
    }

    /** All of a board's meetings, for a calendar feed whose reader was checked. */
    @Transactional
    public List<BoardMeeting> all(UUID boardId) {
        boards.get(boardId);
        return BoardMeeting.list("boardId = ?1 order by startsAt, id", boardId);
    }

    /** @throws InvalidInput on {@code timeZone} when it is not an IANA time zone */
    @Transactional
    public BoardMeeting schedule(UUID boardId, MeetingPlan plan) {
        Board board = boards.get(boardId);
        ZoneId zone;
        try {
            zone = ZoneId.of(plan.timeZone());
        } catch (DateTimeException e) {
            throw InvalidInput.field("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        BoardMeeting m = new BoardMeeting();
        m.id = UUID.randomUUID();
        m.boardId = boardId;
        m.title = plan.title();
        m.startsAt = plan.startsAt().atZone(zone).toInstant();
        m.timeZone = zone.getId();
        m.durationMinutes = plan.durationMinutes();
        m.agenda = plan.agenda();
        m.minutes = plan.minutes();
        m.venue = plan.venue();
        m.onlineUrl = plan.onlineUrl();
        m.persist();
        if (m.startsAt.isAfter(Instant.now(clock))) {
            events.meetingScheduled(board, m, invitees(m));
        }
        return m;
    }

    /** One meeting, for whom {@link #list} shows it. */
    @Transactional
    public BoardMeeting get(UUID boardId, UUID meetingId, Caller caller) {
        requireReadable(boardId, caller);
        return get(boardId, meetingId);
    }

    /**
     * A partner user reads the meetings of a board only while its organisation holds a seat on it.
     *
     * @throws NotFound {@code Board} when there is no such board, and for a partner user without a seat, so a
     *         board's existence is not confirmed to others
     * @throws dev.trellis.platform.domain.AccessDenied {@code no-partner} for a partner token without partner
     */
    @Transactional
    public void requireReadable(UUID boardId, Caller caller) {
        boards.get(boardId);
        if (caller.isStaff()) {
            return;
        }
        UUID partner = caller.ownPartnerId();
        LocalDate today = LocalDate.now(clock);
        boolean seated = Seat.<Seat>list("boardId = ?1 and partnerId = ?2", boardId, partner).stream()
                .anyMatch(s -> !s.neverHeld() && s.heldOn(today));
        if (!seated) {
            throw NotFound.of("Board", boardId);
        }
    }

    @Transactional
    public BoardMeeting get(UUID boardId, UUID meetingId) {
        BoardMeeting m = BoardMeeting.findById(meetingId);
        if (m == null || !m.boardId.equals(boardId)) {
            throw NotFound.of("Meeting", meetingId);
        }
        return m;
    }

    @Transactional
    public Roll roll(UUID boardId, UUID meetingId) {
        return roll(get(boardId, meetingId));
    }

    /** The meeting's resolutions in the order they were put, cursor-paged. */
    @Transactional
    public Page<Resolution> resolutions(UUID boardId, UUID meetingId, PageRequest page) {
        get(boardId, meetingId);
        return queries.resolutions(meetingId, page);
    }

    /** One resolution of the meeting. */
    @Transactional
    public Resolution resolution(UUID boardId, UUID meetingId, UUID resolutionId) {
        get(boardId, meetingId);
        Resolution r = Resolution.findById(resolutionId);
        if (r == null || !r.meetingId.equals(meetingId)) {
            throw NotFound.of("Resolution", resolutionId);
        }
        return r;
    }

    /**
     * Records who attended; seats not listed were absent. Computes quorum among the voting seats.
     *
     * @throws InvalidInput on {@code attendance} when a seat is listed twice
     * @throws StateConflict {@code meeting-held} when the meeting is closed, {@code meeting-not-started} before it starts
     * @throws RuleViolation {@code not-expected} for a seat not held on the board on the meeting's day
     */
    @Transactional
    public Roll recordAttendance(UUID boardId, UUID meetingId, AttendanceSheet sheet) {
        Map<UUID, Presence> presence = sheet.bySeat();
        BoardMeeting m = lockOpen(boardId, meetingId);
        Map<UUID, Seat> expected = expected(m).stream().collect(Collectors.toMap(s -> s.id, s -> s));
        for (UUID seat : presence.keySet()) {
            if (!expected.containsKey(seat)) {
                throw RuleViolation.of("not-expected", "Seat not expected",
                        "Seat " + seat + " is not held on this board on " + m.localDate());
            }
        }
        MeetingAttendance.delete("meetingId", meetingId);
        for (Seat seat : expected.values()) {
            MeetingAttendance a = new MeetingAttendance();
            a.id = UUID.randomUUID();
            a.meetingId = meetingId;
            a.seatId = seat.id;
            a.presence = presence.getOrDefault(seat.id, Presence.ABSENT);
            a.persist();
        }
        MeetingAttendance.flush();
        Roll roll = roll(m);
        m.quorumMet = Decision.quorumMet(policies.policyOf(boards.get(boardId)).quorum(), roll.votingSeats(), roll.votingPresent());
        return new Roll(m, roll.attendance(), roll.votingSeats(), roll.votingPresent());
    }

    /**
     * Puts a resolution to the vote of the voting members present; the outcome follows the board's decision rule.
     *
     * @throws InvalidInput on {@code votes} when a seat votes twice
     * @throws StateConflict {@code attendance-missing} before the meeting's attendance is recorded
     * @throws RuleViolation {@code not-a-voter} for a vote of a seat that is not a voting member present
     */
    @Transactional
    public Resolution resolve(UUID boardId, UUID meetingId, Ballot ballot) {
        Map<UUID, Vote> votes = ballot.bySeat();
        BoardMeeting m = get(boardId, meetingId);
        if (m.quorumMet == null) {
            throw StateConflict.of("attendance-missing", "Attendance missing", "Record the meeting's attendance before its resolutions");
        }
        Roll roll = roll(m);
        Map<UUID, Seat> voters = roll.attendance().entrySet().stream()
                .filter(e -> e.getKey().votingStatus == VotingStatus.VOTING && e.getValue() != Presence.ABSENT)
                .collect(Collectors.toMap(e -> e.getKey().id, Map.Entry::getKey));
        for (UUID seat : votes.keySet()) {
            if (!voters.containsKey(seat)) {
                throw RuleViolation.of("not-a-voter", "Not a voter", "Seat " + seat
                        + " is not a voting member present at this meeting");
            }
        }
        SeatPolicy policy = policies.policyOf(boards.get(boardId));
        int yes = (int) votes.values().stream().filter(v -> v == Vote.YES).count();
        int no = (int) votes.values().stream().filter(v -> v == Vote.NO).count();
        Resolution r = new Resolution();
        r.id = UUID.randomUUID();
        r.meetingId = meetingId;
        r.title = ballot.title();
        r.yes = yes;
        r.no = no;
        r.abstentions = votes.size() - yes - no;
        r.outcome = Decision.outcome(policy.decision(), m.quorumMet, roll.votingSeats(), roll.votingPresent(), yes, no);
        List<Map<String, String>> lines = new ArrayList<>();
        votes.forEach((seat, vote) -> lines.add(Map.of("seatId", seat.toString(), "vote", vote.name())));
        try {
            r.votes = json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        r.persist();
        return r;
    }

    /**
     * Closes the meeting: applies the board's attendance rule to each expected seat (publishing
     * voting-suspended or voting-restored on a change) and publishes board-meeting-held.
     *
     * @throws StateConflict {@code meeting-held} when closed already, {@code meeting-not-started} before it
     *         starts, {@code attendance-missing} before its attendance is recorded
     */
    @Transactional
    public BoardMeeting close(UUID boardId, UUID meetingId, String minutes) {
        BoardMeeting m = lockOpen(boardId, meetingId);
        if (m.quorumMet == null) {
            throw StateConflict.of("attendance-missing", "Attendance missing", "Record the meeting's attendance before closing it");
        }
        SeatPolicy policy = policies.policyOf(boards.get(boardId));
        Roll roll = roll(m);
        m.held = true;
        if (minutes != null) {
            m.minutes = minutes;
        }
        Board.flush();
        for (Seat seat : roll.attendance().keySet()) {
            List<Attendance.Mark> marks = queries.attendanceAtHeldMeetings(seat.id);
            Attendance.Standing standing = Attendance.standing(policy.attendance(), marks, m.localDate());
            if (standing.suspended() && seat.votingStatus == VotingStatus.VOTING) {
                seat.votingStatus = VotingStatus.SUSPENDED;
                events.votingSuspended(seat, m.localDate().plusDays(1), standing.reasonCode(), standing.reason());
            } else if (!standing.suspended() && seat.votingStatus == VotingStatus.SUSPENDED) {
                seat.votingStatus = VotingStatus.VOTING;
                events.votingRestored(seat, m.localDate().plusDays(1));
            }
        }
        Map<Seat, String> attendance = new LinkedHashMap<>();
        roll.attendance().forEach((seat, presence) -> attendance.put(seat, presence.name()));
        events.meetingHeld(boardId, meetingId, m.startsAt, m.quorumMet, attendance);
        return m;
    }

    private BoardMeeting lockOpen(UUID boardId, UUID meetingId) {
        BoardMeeting m = BoardMeeting.findById(meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.boardId.equals(boardId)) {
            throw NotFound.of("Meeting", meetingId);
        }
        if (m.held) {
            throw StateConflict.of("meeting-held", "Meeting closed", "The meeting is closed; its attendance can no longer change");
        }
        if (m.startsAt.isAfter(Instant.now(clock))) {
            throw StateConflict.of("meeting-not-started", "Meeting not started",
                    "The meeting starts at " + m.start() + "; attendance is recorded, and the meeting closed, once it has started");
        }
        return m;
    }

    /** The seats held on the board on the meeting's day, but none of an erased holder: they count for no quorum. */
    private List<Seat> expected(BoardMeeting m) {
        List<Seat> held = Seat.<Seat>list("boardId = ?1 order by termStart, id", m.boardId).stream()
                .filter(s -> !s.neverHeld() && s.heldOn(m.localDate())).toList();
        Set<UUID> erased = contacts.erased(held.stream().map(s -> s.holderContactId).toList());
        return held.stream().filter(s -> !erased.contains(s.holderContactId)).toList();
    }

    /**
     * Whom a meeting's invitation goes to: the holder of each seat held on its day and the seat's alternate, but no
     * erased contact, and each contact once (as holder if they hold any seat).
     */
    private List<SeatEvents.Invitee> invitees(BoardMeeting m) {
        List<Seat> seats = expected(m);
        Set<UUID> alternates = seats.stream().map(s -> s.alternateContactId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<UUID> erased = contacts.erased(List.copyOf(alternates));
        Map<UUID, SeatEvents.Invitee> invitees = new LinkedHashMap<>();
        seats.forEach(s -> invitees.put(s.holderContactId, new SeatEvents.Invitee(s.holderContactId, s.id, false)));
        seats.stream().filter(s -> s.alternateContactId != null && !erased.contains(s.alternateContactId))
                .forEach(s -> invitees.putIfAbsent(s.alternateContactId, new SeatEvents.Invitee(s.alternateContactId, s.id, true)));
        return List.copyOf(invitees.values());
    }

    private Roll roll(BoardMeeting m) {
        Map<UUID, Presence> recorded = new HashMap<>();
        MeetingAttendance.<MeetingAttendance>list("meetingId", m.id).forEach(a -> recorded.put(a.seatId, a.presence));
        Map<Seat, Presence> attendance = new LinkedHashMap<>();
        for (Seat s : expected(m)) {
            attendance.put(s, recorded.getOrDefault(s.id, Presence.ABSENT));
        }
        int voting = (int) attendance.keySet().stream().filter(s -> s.votingStatus == VotingStatus.VOTING).count();
        int present = (int) attendance.entrySet().stream()
                .filter(e -> e.getKey().votingStatus == VotingStatus.VOTING && e.getValue() != Presence.ABSENT).count();
        return new Roll(m, attendance, voting, present);
    }
}

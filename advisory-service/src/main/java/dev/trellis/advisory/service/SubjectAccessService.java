package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.domain.MeetingAttendance;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.platform.audit.AuditEntries;
import dev.trellis.platform.audit.AuditEntry;
import dev.trellis.platform.domain.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What advisory-service holds about one person, for a subject-access export: the seats they hold or held (as
 * holder or alternate), the attendance recorded for those seats, and the audit entries about both. Read over
 * REST by the console, never put on Kafka. advisory-service knows people only by contact id.
 */
@ApplicationScoped
public class SubjectAccessService {
    /** Audit entries in one answer at most; the newest are kept. */
    public static final int MAX_AUDIT_ENTRIES = 2000;
    /** At most this many seats and attendance entries in one export. */
    public static final int MAX_RECORDS = 10_000;

    private final AuditEntries audit;

    public SubjectAccessService(AuditEntries audit) {
        this.audit = audit;
    }

    /** One meeting's attendance of a seat the person held or stood in for. */
    public record Attendance(MeetingAttendance attendance, BoardMeeting meeting) {
    }

    /**
     * @param seats      seats with the person as holder or alternate, oldest term first
     * @param attendance attendance of those seats, by meeting date
     * @param boards     the seats' boards, by id
     */
    public record SubjectRecords(List<Seat> seats, List<Attendance> attendance, Map<UUID, Board> boards,
            List<AuditEntry> auditEntries) {
    }

    /** By contact id; an address alone finds nothing here (advisory-service holds none), but is no error. */
    @Transactional
    public SubjectRecords find(UUID contactId, String email) {
        if (contactId == null && (email == null || email.isBlank())) {
            throw InvalidInput.field("contactId", "give contactId or email");
        }
        if (contactId == null) {
            return new SubjectRecords(List.of(), List.of(), Map.of(), List.of());
        }
        List<Seat> seats = Seat.<Seat>find("holderContactId = ?1 or alternateContactId = ?1", contactId)
                .range(0, MAX_RECORDS - 1).stream()
                .sorted(Comparator.comparing((Seat s) -> s.termStart).thenComparing(s -> s.id)).toList();
        Set<UUID> seatIds = seats.stream().map(s -> s.id).collect(Collectors.toSet());
        Map<UUID, Board> boards = new HashMap<>();
        seats.forEach(s -> boards.computeIfAbsent(s.boardId, id -> Board.findById(id)));
        List<MeetingAttendance> rows = seatIds.isEmpty() ? List.of()
                : MeetingAttendance.<MeetingAttendance>find("seatId in ?1", seatIds).range(0, MAX_RECORDS - 1).list();
        Map<UUID, BoardMeeting> meetings = new HashMap<>();
        rows.forEach(a -> meetings.computeIfAbsent(a.meetingId, id -> BoardMeeting.findById(id)));
        List<Attendance> attendance = rows.stream().map(a -> new Attendance(a, meetings.get(a.meetingId)))
                .sorted(Comparator.comparing((Attendance a) -> a.meeting().startsAt).thenComparing(a -> a.attendance().id))
                .toList();
        Map<String, List<String>> about = new LinkedHashMap<>();
        about.put("seat", seats.stream().map(s -> s.id.toString()).toList());
        about.put("meeting-attendance", rows.stream().map(a -> a.id.toString()).toList());
        return new SubjectRecords(seats, attendance, boards, audit.about(about, MAX_AUDIT_ENTRIES));
    }
}

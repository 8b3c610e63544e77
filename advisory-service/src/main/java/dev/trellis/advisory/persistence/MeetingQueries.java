package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.domain.Resolution;
import dev.trellis.advisory.domain.policy.Attendance;
import dev.trellis.advisory.domain.policy.Presence;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** A board's meetings by start, then id, and a meeting's resolutions: keyset pages; and a seat's attendance record. */
@ApplicationScoped
public class MeetingQueries {

    public Page<BoardMeeting> page(UUID boardId, PageRequest request) {
        Cursor after = request.decodedCursor(2);
        List<BoardMeeting> fetched;
        if (after == null) {
            fetched = BoardMeeting.<BoardMeeting>find("boardId = ?1 order by startsAt, id", boardId).page(0, request.fetchSize()).list();
        } else {
            fetched = BoardMeeting.<BoardMeeting>find("boardId = :board and (startsAt, id) > (:at, :id) order by startsAt, id",
                    Parameters.with("board", boardId).and("at", after.instant(0)).and("id", after.uuid(1)))
                    .page(0, request.fetchSize()).list();
        }
        return Page.of(fetched, request, MeetingQueries::cursorOf, m -> m);
    }

    static Cursor cursorOf(BoardMeeting m) {
        return Cursor.of(m.startsAt.toString(), m.id);
    }

    /** A meeting's resolutions in the order they were put (created, then id): keyset pages. */
    public Page<Resolution> resolutions(UUID meetingId, PageRequest request) {
        Cursor after = request.decodedCursor(2);
        List<Resolution> fetched;
        if (after == null) {
            fetched = Resolution.<Resolution>find("meetingId = ?1 order by createdAt, id", meetingId).page(0, request.fetchSize()).list();
        } else {
            fetched = Resolution.<Resolution>find("meetingId = :meeting and (createdAt, id) > (:at, :id) order by createdAt, id",
                    Parameters.with("meeting", meetingId).and("at", after.instant(0)).and("id", after.uuid(1)))
                    .page(0, request.fetchSize()).list();
        }
        return Page.of(fetched, request, MeetingQueries::cursorOf, r -> r);
    }

    static Cursor cursorOf(Resolution r) {
        return Cursor.of(r.createdAt.toString(), r.id);
    }

    /** The seat's attendance at every closed meeting, each on the meeting's local day: what the attendance rule reads. */
    public List<Attendance.Mark> attendanceAtHeldMeetings(UUID seatId) {
        return BoardMeeting.getEntityManager().createQuery("""
                select m, a.presence from MeetingAttendance a, BoardMeeting m
                where m.id = a.meetingId and m.held = true and a.seatId = :seat
                """, Object[].class)
                .setParameter("seat", seatId)
                .getResultStream()
                .map(row -> new Attendance.Mark(((BoardMeeting) row[0]).localDate(), (Presence) row[1]))
                .toList();
    }
}

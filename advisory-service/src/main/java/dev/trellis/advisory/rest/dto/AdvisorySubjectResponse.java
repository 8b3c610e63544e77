package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.VotingStatus;
import dev.trellis.advisory.domain.policy.Presence;
import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.service.SubjectAccessService;
import dev.trellis.platform.audit.AuditEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** advisory-service's part of a subject-access export: the person's seats and their attendance. */
@Schema(name = "AdvisorySubject")
public record AdvisorySubjectResponse(
        @Schema(description = "advisory-service", maxLength = 40) String service,
        @Schema(description = "Whether advisory-service holds anything about the person") boolean found,
        @Schema(description = "Seats the person holds or held, as holder or alternate, at most "
                + SubjectAccessService.MAX_RECORDS, maxItems = SubjectAccessService.MAX_RECORDS) List<SubjectSeat> seats,
        @Schema(description = "Attendance recorded for those seats, oldest meeting first, at most "
                + SubjectAccessService.MAX_RECORDS, maxItems = SubjectAccessService.MAX_RECORDS) List<SubjectAttendance> attendance,
        @Schema(description = "Audit entries about those seats and that attendance, newest first, at most "
                + SubjectAccessService.MAX_AUDIT_ENTRIES, maxItems = SubjectAccessService.MAX_AUDIT_ENTRIES)
        List<AuditEntry> auditEntries) {

    public static final String SERVICE = "advisory-service";

    /** A seat, and whether the person holds it or stands in as alternate. */
    @Schema(name = "AdvisorySubjectSeat")
    public record SubjectSeat(UUID id, UUID boardId, @Schema(maxLength = 200) String boardName,
            @Schema(enumeration = {"holder", "alternate"}) String as, SeatKind kind, UUID partnerId,
            LocalDate termStart, LocalDate termEnd, VotingStatus votingStatus, LocalDate vacatedOn,
            @Schema(maxLength = 500, nullable = true) String vacateReason) {
    }

    /** A meeting's attendance entry for one of the person's seats. */
    @Schema(name = "AdvisorySubjectAttendance")
    public record SubjectAttendance(UUID meetingId, @Schema(maxLength = 200) String meetingTitle, Instant startsAt,
            UUID seatId, Presence presence) {
    }

    public static AdvisorySubjectResponse of(UUID contactId, SubjectAccessService.SubjectRecords records) {
        return new AdvisorySubjectResponse(SERVICE, !records.seats().isEmpty(),

                records.seats().stream().map(s -> seat(contactId, s, records.boards().get(s.boardId))).toList(),
                records.attendance().stream().map(a -> new SubjectAttendance(a.meeting().id, a.meeting().title,
                        a.meeting().startsAt, a.attendance().seatId, a.attendance().presence)).toList(),
                records.auditEntries());
    }

    private static SubjectSeat seat(UUID contactId, Seat s, Board board) {
        return new SubjectSeat(s.id, s.boardId, board == null ? null : board.name,
                s.holderContactId.equals(contactId) ? "holder" : "alternate", s.kind, s.partnerId, s.termStart,
                s.termEnd, s.votingStatus, s.vacatedOn, s.vacateReason);
    }
}

package dev.trellis.contracts.advisory;

import java.util.UUID;

/**
 * One seat holder's attendance at a board meeting.
 *
 * @param contactId the seat holder
 * @param partnerId the partner they represent; null for a seat held in a personal capacity
 * @param status    present, absent, or represented by their alternate
 */
public record MeetingAttendance(UUID contactId, UUID partnerId, AttendanceStatus status) {
}

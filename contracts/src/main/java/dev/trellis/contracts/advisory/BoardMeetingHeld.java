package dev.trellis.contracts.advisory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A board meeting took place. Key: {@code boardId}.
 *
 * @param boardId    the board or committee
 * @param meetingId  the meeting
 * @param heldAt     when the meeting started
 * @param quorumMet  whether the meeting reached quorum
 * @param attendance one entry per expected attendee (seat holder)
 */
public record BoardMeetingHeld(
        UUID boardId,
        UUID meetingId,
        Instant heldAt,
        boolean quorumMet,
        List<MeetingAttendance> attendance) {

    public static final String TYPE = "dev.trellis.advisory.board-meeting-held.v1";
}

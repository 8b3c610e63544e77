package dev.trellis.contracts.advisory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff scheduled a board meeting; the seat holders and alternates on its date are invited. Carries no personal
 * data: the invitees are contact ids, and the service that holds their addresses (partner-service) sends the
 * invitations. Key: {@code boardId}.
 *
 * @param boardId   the board or committee
 * @param boardName the board's name, for the invitation
 * @param meetingId the meeting; its calendar entry's UID, in the board's feed too, is {@link #calendarUid}
 * @param title     the meeting's title
 * @param startsAt  when it starts
 * @param endsAt    when it ends
 * @param timeZone  the IANA time zone it is planned in
 * @param venue     where it takes place; null when only online
 * @param onlineUrl where to join online; null when in person only
 * @param invitees  the holders and alternates of the seats held on the meeting's date, each contact once
 */
public record BoardMeetingScheduled(
        UUID boardId,
        String boardName,
        UUID meetingId,
        String title,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        String venue,
        String onlineUrl,
        List<MeetingInvitee> invitees) {

    public static final String TYPE = "dev.trellis.advisory.board-meeting-scheduled.v1";

    /** The UID of a meeting's calendar entry, the same in the board's feed and in its invitations (RFC 5545 3.8.4.7). */
    public static String calendarUid(UUID meetingId) {
        return "board-meeting-" + meetingId + "@trellis.dev";
    }
}

package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.BoardMeeting;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MeetingResponse(UUID id, UUID boardId, String title, LocalDateTime startsAt, String timeZone, Instant startsAtUtc,
        int durationMinutes, String agenda, String minutes, Boolean quorumMet, boolean held,
        @Schema(maxLength = 300) String venue, @Schema(maxLength = 2000) String onlineUrl) {
    public static MeetingResponse of(BoardMeeting m) {
        return new MeetingResponse(m.id, m.boardId, m.title, m.start().toLocalDateTime(), m.timeZone, m.startsAt, m.durationMinutes,
                m.agenda, m.minutes, m.quorumMet, m.held, m.venue, m.onlineUrl);
    }
}

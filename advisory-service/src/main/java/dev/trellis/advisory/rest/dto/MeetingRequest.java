package dev.trellis.advisory.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.trellis.advisory.service.command.MeetingPlan;
import dev.trellis.platform.validation.PublicHttpUrl;
import java.time.LocalDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Schedule a board meeting at a local date-time in an IANA time zone. */
@Schema(examples = "{\"title\":\"Q3 Governing Board meeting\",\"startsAt\":\"2026-09-15T17:00:00\",\"timeZone\":\"America/New_York\","
        + "\"durationMinutes\":90,\"agenda\":\"1. Budget 2027\\n2. New Gold members\",\"venue\":\"Foundation office, 3rd floor\","
        + "\"onlineUrl\":\"https://meet.example.org/gb-q3\"}")
public record MeetingRequest(
        @Schema(example = "Q3 Governing Board meeting") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Local date-time where the meeting is held", example = "2026-09-15T17:00:00") @NotNull LocalDateTime startsAt,
        @Schema(description = "IANA time zone", example = "America/New_York") @NotBlank @Size(max = 60) String timeZone,
        @Schema(example = "90") @NotNull @Min(1) @Max(1440) Integer durationMinutes,
        @Size(max = 20000) String agenda,
        @Size(max = 100000) String minutes,
        @Schema(description = "Where it takes place", example = "Foundation office, 3rd floor") @Size(max = 300) String venue,
        @Schema(description = "Where to join online: a public http(s) address", example = "https://meet.example.org/gb-q3")
        @Size(max = 2000) @PublicHttpUrl String onlineUrl) {

    public MeetingPlan toCommand() {
        return new MeetingPlan(title.strip(), startsAt, timeZone.strip(), durationMinutes, agenda, minutes, blankToNull(venue),
                blankToNull(onlineUrl));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.EventKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A new event; it starts as a draft. */
public record EventRequest(
        @NotNull EventKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotBlank @Pattern(regexp = "[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}|UTC", message = "must be an IANA time zone such as Europe/Berlin") String timeZone) {
}

package dev.trellis.platform.retention;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One category's part of a daily retention run, as staff read it: a row of the service's {@code retention_run}. */
@Schema(name = "RetentionRunEntry", description = "What one retention rule did in one run: its age limit, the cut-off "
        + "and how many rows it deleted or anonymised")
public record RetentionRunEntry(
        UUID id,
        @Schema(description = "When the run was made (by the service's clock)") Instant runAt,
        @Schema(description = "The data category, as docs/privacy.md lists them, e.g. guest-registrations, "
                + "touchpoint-notes, mail-deliveries", maxLength = 60) String category,
        @Schema(description = "What the rule does to a due row", enumeration = {"DELETE", "ANONYMISE"}) String action,
        @Schema(description = "The age limit applied (ISO-8601 period or duration, e.g. P24M)", maxLength = 40)
        String retainFor,
        @Schema(description = "Rows older than this were due") Instant cutoff,
        @Schema(description = "How many rows were deleted or anonymised", minimum = "0",
                maximum = "9223372036854775807") long affected,
        @Schema(description = "Why the rule stopped early (the run went on with the next), or null", maxLength = 4096,
                nullable = true) String error) {
}

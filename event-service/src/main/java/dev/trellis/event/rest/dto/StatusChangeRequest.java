package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.EventStatus;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Publish, complete or cancel an event. */
@Schema(example = "{\"status\": \"PUBLISHED\"}")
public record StatusChangeRequest(
        @Schema(description = "PUBLISHED (from DRAFT), COMPLETED (from PUBLISHED, once started), or CANCELLED")
        @NotNull EventStatus status) {
}

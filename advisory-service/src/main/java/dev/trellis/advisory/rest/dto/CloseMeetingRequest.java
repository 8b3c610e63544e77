package dev.trellis.advisory.rest.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CloseMeetingRequest(@Schema(description = "The minutes; kept as they are if absent", example = "The board approved the budget.")
        @Size(max = 100000) String minutes) {
}

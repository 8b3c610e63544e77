package dev.trellis.advisory.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff appoint against named rules of the policy, knowingly; each rule broken is audited with the reason. */
public record OverrideRequest(
        @Schema(description = "Rule ids to override, as named in the refusal's rules", example = "[\"company-group-cap\"]")
        @NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 60) String> rules,
        @Schema(description = "Why, for the audit", example = "Board resolution 2026-03-12 grants a transitional second seat")
        @NotBlank @Size(max = 1000) String reason) {
}

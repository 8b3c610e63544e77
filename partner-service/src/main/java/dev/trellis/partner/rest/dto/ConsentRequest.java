package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.ConsentSource;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent decision: granted ({@code true}) or withdrawn ({@code false}), and how it reached us. */
public record ConsentRequest(
        @Schema(example = "true") @NotNull Boolean granted,
        @Schema(example = "WEB_FORM") @NotNull ConsentSource source) {
}

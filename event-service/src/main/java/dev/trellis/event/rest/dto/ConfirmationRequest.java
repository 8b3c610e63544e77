package dev.trellis.event.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The secret from the confirmation link ({@code ?token=}). */
public record ConfirmationRequest(@NotBlank @Size(max = 100) String token) {
}

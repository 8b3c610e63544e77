package dev.trellis.partner.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An email address to erase that belongs to no contact (a guest's registrations and sign-ups). */
public record GuestErasureRequest(
        @Schema(example = "guest@example.org") @NotBlank @Size(max = 254) @Email(regexp = ContactRules.EMAIL) String email) {
}

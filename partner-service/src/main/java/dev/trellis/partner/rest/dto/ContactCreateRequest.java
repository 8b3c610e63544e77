package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.NewContact;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new contact. The email must not belong to another contact (compared case-insensitively). */
public record ContactCreateRequest(
        @Schema(example = "Ada") @NotBlank @Size(max = 100) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String firstName,
        @Schema(example = "Lovelace") @NotBlank @Size(max = 100) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String lastName,
        @Schema(example = "ada@acme-cloud.example") @NotBlank @Size(max = 254) @Email(regexp = ContactRules.EMAIL) String email,
        @Schema(example = "+44 20 7946 0958") @Size(max = 40) @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String phone,
        @Schema(example = "VP Engineering") @Size(max = 150) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String jobTitle) {
    public NewContact toCommand() {
        return new NewContact(firstName, lastName, email, phone, jobTitle);
    }
}

package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.ContactChanges;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch (RFC 7396) of a contact's own details: only the fields sent change; {@code null}
 * clears phone or job title. Names and email cannot be cleared.
 */
@Schema(description = "Send only the fields to change")
public record ContactPatchRequest(
        @Schema(example = "Ada") @Size(min = 1, max = 100) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String firstName,
        @Schema(example = "King") @Size(min = 1, max = 100) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String lastName,
        @Schema(example = "ada.king@acme-cloud.example") @Size(max = 254) @Email(regexp = ContactRules.EMAIL) String email,
        @Schema(example = "+44 20 7946 0000") @Size(max = 40) @Pattern(regexp = ContactRules.PHONE, message = ContactRules.PHONE_MESSAGE) String phone,
        @Schema(example = "CTO") @Size(max = 150) @Pattern(regexp = ContactRules.NO_CONTROL, message = ContactRules.NO_CONTROL_MESSAGE) String jobTitle) {
    public ContactChanges toChanges() {
        return new ContactChanges(firstName, lastName, email, phone, jobTitle);
    }
}

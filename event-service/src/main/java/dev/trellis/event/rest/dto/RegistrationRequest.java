package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.RegistrationSource;
import dev.trellis.event.service.command.NewRegistration;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registration: a known contact (contactId) or a guest. Name and email are needed either way: the
 * badge shows the name, and check-in and duplicate detection go by email. A partner user gives its contact's
 * address on record in partner-service.
 */
@Schema(example = """
        {"contactId": "025f5782-8e90-44fd-8d58-9f90063a1998", "name": "Ada Okafor",
         "email": "ada.okafor@acme-cloud.example"}""")
public record RegistrationRequest(
        @Schema(description = "A partner-service contact; left out for a guest") UUID contactId,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+") String email,
        @Schema(description = "How it came in, for the community team (default STAFF); ignored for partner users, whose registrations are PORTAL")
        RegistrationSource source) {

    public NewRegistration toCommand() {
        return new NewRegistration(contactId, name, email, source);
    }
}

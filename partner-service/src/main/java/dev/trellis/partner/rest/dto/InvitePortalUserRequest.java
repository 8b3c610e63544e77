package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.InvitePortalUser;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Invites a partner's employee to the partner portal. The email becomes the username (lower-case). Names refuse the
 * characters Keycloak's person-name check refuses, so that bad input is our 400 and not Keycloak's.
 */
@Schema(example = """
        {"email": "maria.rossi@acme-cloud.example", "firstName": "Maria", "lastName": "Rossi"}""")
public record InvitePortalUserRequest(
        @NotBlank @Size(max = 254) @Email
        @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an email address like name@example.org")
        String email,
        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String firstName,
        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String lastName) {

    static final String NAME = "^[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]+$";
    static final String NAME_MESSAGE = "must not contain < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ) or control characters";

    public InvitePortalUser toCommand() {
        return new InvitePortalUser(email, firstName, lastName);
    }
}

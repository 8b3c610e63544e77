package dev.trellis.event.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A public sign-up: who, and the address the confirmation link goes to. */
@Schema(example = """
        {"name": "Ada Okafor", "email": "ada@example.org"}""")
public record SignUpRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+") String email) {
}

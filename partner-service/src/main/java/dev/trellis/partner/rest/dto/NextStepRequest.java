package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.NewNextStep;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A next step: what, who (a staff username) and by when. It may not be due before its touchpoint took place. */
@Schema(example = """
        {"description": "Send the TOC intro email", "owner": "cora", "dueOn": "2025-03-26"}""")
public record NextStepRequest(
        @NotBlank @Size(max = 500) String description,
        @NotNull @Size(max = 100) @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String owner,
        @NotNull LocalDate dueOn) {

    /** Staff usernames as the identity provider issues them. */
    public static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$";
    public static final String USERNAME_MESSAGE = "must be a staff username (letters, digits, '.', '_', '@', '-'; at most 100)";

    public NewNextStep toCommand() {
        return new NewNextStep(description, owner, dueOn);
    }
}

package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.NextStepChanges;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes a next step; a field left out (or null) stays as it is. */
@Schema(example = """
        {"done": true}""")
public record UpdateNextStepRequest(
        @Size(min = 1, max = 500) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank") String description,
        @Size(max = 100) @Pattern(regexp = NextStepRequest.USERNAME, message = NextStepRequest.USERNAME_MESSAGE) String owner,
        LocalDate dueOn,
        Boolean done) {
    public NextStepChanges toChanges() {
        return new NextStepChanges(description, owner, dueOn, done);
    }
}

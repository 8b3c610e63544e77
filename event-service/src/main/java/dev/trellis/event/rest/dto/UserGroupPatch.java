package dev.trellis.event.rest.dto;

import dev.trellis.event.service.command.UserGroupChanges;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON merge patch of a user group; organiserIds, when sent, replaces the list. */
@Schema(description = "Send only the fields to change", example = """
        {"city": "Espoo", "organiserIds": ["025f5782-8e90-44fd-8d58-9f90063a1998"]}""")
public record UserGroupPatch(
        @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 100) String city,
        @Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FI") String country,
        @Size(max = 20) List<@NotNull UUID> organiserIds) {

    /** The same fields as the service's command; the patch keeps which of them were sent. */
    public UserGroupChanges toCommand() {
        return new UserGroupChanges(name, city, country, organiserIds);
    }
}

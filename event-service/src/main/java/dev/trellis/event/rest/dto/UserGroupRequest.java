package dev.trellis.event.rest.dto;

import dev.trellis.event.service.command.NewUserGroup;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new user group (chapter). */
@Schema(example = """
        {"name": "Helsinki Cloud Native", "city": "Helsinki", "country": "FI",
         "organiserIds": ["025f5782-8e90-44fd-8d58-9f90063a1998"]}""")
public record UserGroupRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @NotNull @Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FI") String country,
        @Schema(description = "Contact ids (partner-service) of the organisers") @Size(max = 20) List<@NotNull UUID> organiserIds) {

    public NewUserGroup toCommand() {
        return new NewUserGroup(name, city, country, organiserIds);
    }
}

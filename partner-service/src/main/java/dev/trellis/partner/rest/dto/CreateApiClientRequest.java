package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.CreateApiClient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creates a machine client for one of the partner's systems; the name says which (it becomes the client's name in Keycloak). */
@Schema(example = """
        {"name": "Acme Cloud CRM sync"}""")
public record CreateApiClientRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[^<>\\p{Cntrl}]+$", message = "must not contain < > or control characters")
        String name) {

    public CreateApiClient toCommand() {
        return new CreateApiClient(name);
    }
}

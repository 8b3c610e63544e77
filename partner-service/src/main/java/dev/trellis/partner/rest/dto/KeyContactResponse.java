package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.KeyContactRole;
import dev.trellis.partner.service.KeyContactService;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key contact of a membership: the role and the person, by id and by name. */
public record KeyContactResponse(KeyContactRole role, UUID contactId,
        @Schema(description = "First and last name", maxLength = 201) String contactName,
        @Schema(maxLength = 100) String firstName, @Schema(maxLength = 100) String lastName,
        @Schema(maxLength = 254) String email) {

    public static KeyContactResponse of(KeyContactService.Named named) {
        return new KeyContactResponse(named.role(), named.contactId(), Names.displayName(named.firstName(),
                named.lastName()), named.firstName(), named.lastName(), named.email());
    }
}

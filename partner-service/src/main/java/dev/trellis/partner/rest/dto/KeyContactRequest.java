package dev.trellis.partner.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Names a contact, currently affiliated with the partner, for a key-contact role. */
public record KeyContactRequest(@Schema(example = "025f5782-8e90-44fd-8d58-9f90063a1998") @NotNull UUID contactId) {
}

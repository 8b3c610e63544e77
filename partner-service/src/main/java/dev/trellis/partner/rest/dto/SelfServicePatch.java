package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.SelfServiceChanges;
import dev.trellis.platform.validation.PublicHttpUrl;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a partner's own staff may change about their organisation: nothing else. */
public record SelfServicePatch(
        @Schema(example = "We build the Acme cloud platform.") @Size(max = 4000) String description,
        @Schema(example = "https://acme-cloud.example") @Size(max = 500) @PublicHttpUrl String website,
        @Schema(example = "https://acme-cloud.example/logo.svg") @Size(max = 2000) @PublicHttpUrl String logoUrl) {

    public static final Set<String> FIELDS = Set.of("description", "website", "logoUrl");

    public SelfServiceChanges toChanges() {
        return new SelfServiceChanges(description, website, logoUrl);
    }
}

package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.command.PartnerChanges;
import dev.trellis.partner.service.command.RegisterPartner;
import dev.trellis.platform.validation.PublicHttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new partner organisation (staff). Also the shape of a staff merge patch, where every field is optional. */
@Schema(example = """
        {"name": "Acme Cloud", "legalName": "Acme Cloud Inc.", "website": "https://acme-cloud.example",
         "emailDomains": ["acme-cloud.example"], "description": "Cloud platform vendor", "country": "US",
         "lifecycleStatus": "PROSPECT"}""")
public record PartnerRequest(
        @Schema(example = "Acme Cloud") @NotBlank @Size(max = 200) String name,
        @Schema(example = "Acme Cloud Inc.") @Size(max = 300) String legalName,
        @Schema(example = "https://acme-cloud.example") @Size(max = 500) @PublicHttpUrl String website,
        @Schema(example = "[\"acme-cloud.example\"]") @Size(max = 20)
        List<@NotBlank @Size(max = 253) @Pattern(regexp = DOMAIN, message = "must be a lower-case domain name such as example.org") String> emailDomains,
        @Schema(example = "Cloud platform vendor and Platinum member since 2021") @Size(max = 4000) String description,
        @Schema(example = "https://acme-cloud.example/logo.svg") @Size(max = 2000) @PublicHttpUrl String logoUrl,
        @Schema(example = "US") @Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country,
        @Schema(description = "Parent of the related-company group; null if none") UUID parentPartnerId,
        @Schema(description = "PROSPECT (default) or ACTIVE; other lifecycle changes go through lifecycle-changes")
        LifecycleStatus lifecycleStatus) {

    public static final String DOMAIN = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+";

    public RegisterPartner toCommand() {
        return new RegisterPartner(name, legalName, website, emailDomains, description, logoUrl, country,
                parentPartnerId, lifecycleStatus);
    }

    public PartnerChanges toChanges() {
        return new PartnerChanges(name, legalName, website, emailDomains, description, logoUrl, country,
                parentPartnerId, lifecycleStatus);
    }
}

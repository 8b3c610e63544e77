package dev.trellis.partner.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a partner user sees of its own organisation: profile (with its related-company group), membership
 * (null if none) and key contacts.
 */
public record OwnOrganisationResponse(PartnerResponse profile, MembershipResponse membership,
        @Schema(description = "At most one per key-contact role", maxItems = 5) List<KeyContactResponse> keyContacts) {
}

package dev.trellis.partner.rest.dto;

import java.util.List;

/**
 * What a partner user sees of its own organisation: profile (with its related-company group), membership
 * (null if none) and key contacts.
 */
public record OwnOrganisationResponse(PartnerResponse profile, MembershipResponse membership,
        List<KeyContactResponse> keyContacts) {
}

package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.KeyContactService;
import java.util.List;

/** What a partner user sees of its own organisation: profile, membership (null if none) and key contacts. */
public record OwnOrganisationResponse(PartnerResponse profile, MembershipResponse membership,
        List<KeyContactService.Named> keyContacts) {
}

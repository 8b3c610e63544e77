package dev.trellis.partner.rest.dto;

import dev.trellis.platform.paging.Page;
import java.util.List;

/**
 * Everything a partner's page shows that partner-service holds, in one answer: the profile (with its
 * related-company group and version), the first page of its affiliations, current and past, its membership
 * (null if none), its key contacts and the first page of its touchpoints. Each page's {@code next} is a
 * cursor for the list route it comes from ({@code /affiliations?current=false}, {@code /touchpoints}).
 */
public record PartnerOverviewResponse(PartnerResponse profile, Page<PartnerAffiliationResponse> affiliations,
        MembershipResponse membership, List<KeyContactResponse> keyContacts, Page<TouchpointResponse> touchpoints) {
}

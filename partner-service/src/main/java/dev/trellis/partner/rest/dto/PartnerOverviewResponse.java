package dev.trellis.partner.rest.dto;

import dev.trellis.platform.paging.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a partner's page shows that partner-service holds, in one answer: the profile (with its
 * related-company group and version), the first page of its affiliations, current and past, its membership
 * (null if none), its key contacts and the first page of its touchpoints. Each page's {@code next} is a
 * cursor for the list route it comes from ({@code /affiliations?current=false}, {@code /touchpoints}).
 */
public record PartnerOverviewResponse(PartnerResponse profile, Page<PartnerAffiliationResponse> affiliations,
        MembershipResponse membership,
        @Schema(description = "At most one per key-contact role", maxItems = 5) List<KeyContactResponse> keyContacts,
        Page<TouchpointResponse> touchpoints) {
}

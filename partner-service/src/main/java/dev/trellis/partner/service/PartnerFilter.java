package dev.trellis.partner.service;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.MembershipStatus;
import java.util.Set;
import java.util.UUID;

/**
 * Filters of the partner list; null (or empty) means "any".
 *
 * @param q                  text searched in names and email domains (case-insensitive, substring)
 * @param onlyPartner        set for partner users: the list never leaves their own organisation
 * @param companyGroup       a partner: only the members of its related-company group (it, its parent, everyone
 *                           under the same parent)
 * @param membershipStatuses only partners whose membership has one of these statuses today
 * @param withoutMembership  also (or alone: only) partners without a membership
 */
public record PartnerFilter(String q, LifecycleStatus status, String country, String tier, UUID onlyPartner,
        UUID companyGroup, Set<MembershipStatus> membershipStatuses, boolean withoutMembership) {

    public PartnerFilter(String q, LifecycleStatus status, String country, String tier, UUID onlyPartner) {
        this(q, status, country, tier, onlyPartner, null, Set.of(), false);
    }
}

package dev.trellis.advisory.domain.policy;

import java.util.UUID;

/**
 * What the policy needs to know of a partner: its membership tier (null if none), whether it is an
 * active member (not lapsed, membership not expired), and the parent of its related-company group.
 */
public record PartnerFacts(UUID partnerId, String tier, boolean active, UUID parentPartnerId) {
    /** The company group the partner counts in: its parent's, or its own if it has none. */
    public UUID group() {
        return parentPartnerId == null ? partnerId : parentPartnerId;
    }
}

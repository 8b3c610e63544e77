package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.LifecycleStatus;
import java.util.List;

/**
 * One line of a partner import: the partner, keyed by {@code externalId}, else by the first of its
 * {@code emailDomains} (its primary domain). Values are well-formed (the caller parsed them); null means "not
 * given".
 *
 * @param emailDomains lower-case, the primary first; empty when none given
 * @param companyGroup the parent of the partner's related-company group: its external id or one of its email domains
 * @param status       for a new partner: PROSPECT (also when null) or ACTIVE; a known partner's is left alone
 */
public record ImportPartner(String externalId, String name, String legalName, String website, String country,
        List<String> emailDomains, String companyGroup, LifecycleStatus status) {

    /** The natural key: the external id, else the primary email domain. */
    public String key() {
        return externalId != null ? externalId : emailDomains.isEmpty() ? null : emailDomains.get(0);
    }
}

package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.LifecycleStatus;
import java.util.List;
import java.util.UUID;

/**
 * Register a partner organisation. Values are already well-formed (the caller validated them); the rules
 * that need the stored partners (a taken email domain, a parent that exists) are the service's.
 *
 * @param lifecycleStatus PROSPECT (also when null) or ACTIVE
 */
public record RegisterPartner(String name, String legalName, String website, List<String> emailDomains,
        String description, String logoUrl, String country, UUID parentPartnerId, LifecycleStatus lifecycleStatus) {

    /** Just a name, website, country and status: the demo data and tests. */
    public static RegisterPartner of(String name, String website, String country, LifecycleStatus status) {
        return new RegisterPartner(name, null, website, null, null, null, country, null, status);
    }
}

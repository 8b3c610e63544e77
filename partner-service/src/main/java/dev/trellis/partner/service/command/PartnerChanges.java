package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.LifecycleStatus;
import java.util.List;
import java.util.UUID;

/**
 * The new values of a staff edit of a partner's profile, as a merge patch
 * ({@code MergePatch<PartnerChanges>}): only the fields present change; a present null clears an
 * optional field. {@code lifecycleStatus} is refused: it changes through {@link ChangeLifecycle}.
 */
public record PartnerChanges(String name, String legalName, String website, List<String> emailDomains,
        String description, String logoUrl, String country, UUID parentPartnerId, LifecycleStatus lifecycleStatus) {
}

package dev.trellis.contracts.partner;

import java.util.List;
import java.util.UUID;

/**
 * Some of a partner's facts below changed. The event carries the current value of each of them,
 * changed or not, so a consumer can simply overwrite its copy. Key: {@code partnerId}.
 *
 * @param partnerId       the partner
 * @param name            display name
 * @param lifecycleStatus where the partner stands with the foundation
 * @param parentPartnerId parent of the partner's related-company group (companies under common
 *                        control count as one member for seat caps); null if none
 * @param country         ISO 3166-1 alpha-2 code of the headquarters; null if unknown
 * @param emailDomains    lower-case email domains of the partner's people; may be empty, never null
 */
public record PartnerChanged(
        UUID partnerId,
        String name,
        PartnerLifecycleStatus lifecycleStatus,
        UUID parentPartnerId,
        String country,
        List<String> emailDomains) {

    public static final String TYPE = "dev.trellis.partner.partner-changed.v1";
}

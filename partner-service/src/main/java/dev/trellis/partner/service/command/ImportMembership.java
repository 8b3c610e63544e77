package dev.trellis.partner.service.command;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a membership import: the partner (by {@code partnerId}, else {@code partnerExternalId}, else
 * {@code partnerDomain}) and one term of its membership. Values are well-formed (the caller parsed them).
 *
 * @param tier      upper-snake-case, as {@code trellis.partner.tiers} names tiers
 * @param graceDays the foundation default when null
 */
public record ImportMembership(UUID partnerId, String partnerExternalId, String partnerDomain, String tier,
        LocalDate termStart, LocalDate termEnd, boolean autoRenew, Integer graceDays) {

    public StartMembership start() {
        return new StartMembership(tier, termStart, termEnd, autoRenew, graceDays);
    }
}

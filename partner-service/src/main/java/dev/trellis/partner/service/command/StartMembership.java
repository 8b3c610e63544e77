package dev.trellis.partner.service.command;

import java.time.LocalDate;

/**
 * Start a partner's first membership, or replace one that has expired.
 *
 * @param tier      a tier code of {@code trellis.partner.tiers}
 * @param termEnd   last day of the term, inclusive
 * @param graceDays days in GRACE after the term; the foundation default when null
 */
public record StartMembership(String tier, LocalDate termStart, LocalDate termEnd, boolean autoRenew,
        Integer graceDays) {
}

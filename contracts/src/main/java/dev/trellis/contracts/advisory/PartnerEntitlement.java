package dev.trellis.contracts.advisory;

import java.util.UUID;

/**
 * The tier-appointed seats a member is entitled to on a board on a day, and how many of them it fills.
 *
 * @param partnerId the member
 * @param tier      the tier in effect that day, which entitles it
 * @param entitled  the seats the policy gives each member of the tier
 * @param filled    the tier-appointed seats held for it that day under that tier (more than {@code entitled} when
 *                  appointed over the entitlement)
 */
public record PartnerEntitlement(UUID partnerId, String tier, int entitled, int filled) {
}

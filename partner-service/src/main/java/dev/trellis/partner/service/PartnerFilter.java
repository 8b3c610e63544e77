package dev.trellis.partner.service;

import dev.trellis.partner.domain.LifecycleStatus;
import java.util.UUID;

/**
 * Filters of the partner list; null means "any".
 *
 * @param q       text searched in names and email domains (case-insensitive, substring)
 * @param onlyPartner set for partner users: the list never leaves their own organisation
 */
public record PartnerFilter(String q, LifecycleStatus status, String country, String tier, UUID onlyPartner) {
}

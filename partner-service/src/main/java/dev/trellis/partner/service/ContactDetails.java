package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.Contact;
import java.util.List;

/**
 * A contact with the affiliations and consent history the caller may see, read in one transaction.
 *
 * @param affiliations newest start first
 * @param consents     oldest first; empty where the caller may not see consent
 */
public record ContactDetails(Contact contact, List<Affiliation> affiliations, List<Consent> consents) {
}

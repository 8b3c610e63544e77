package dev.trellis.partner.domain;

/** A contact's role at a partner; the same names as the published {@code contracts.partner.AffiliationRole}. */
public enum AffiliationRole {
    EXECUTIVE_SPONSOR, TECHNICAL_LEAD, DEVELOPER, MARKETING, BILLING, VOTING_CONTACT
}

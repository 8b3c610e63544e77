package dev.trellis.contracts.partner;

/** The role a contact has at a partner through an affiliation. */
public enum AffiliationRole {
    EXECUTIVE_SPONSOR,
    TECHNICAL_LEAD,
    DEVELOPER,
    MARKETING,
    BILLING,
    VOTING_CONTACT
}

package dev.trellis.partner.domain;

/** What a contact consents to (or withdraws consent for). */
public enum ConsentPurpose {
    MARKETING_EMAIL, EVENT_PHOTOS, DATA_SHARING_WITH_MEMBERS
}

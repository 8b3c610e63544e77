package dev.trellis.partner.domain;

/** What a contact consents to (or withdraws consent for). */
public enum ConsentPurpose {
    MARKETING_EMAIL, EVENT_PHOTOS, DATA_SHARING_WITH_MEMBERS,
    /** Membership renewal reminders by mail (RenewalReminders): not strictly transactional, so they need it. */
    RENEWAL_REMINDERS
}

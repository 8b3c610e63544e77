-- Contacts partner-service erased. contact-erased is keyed by contact, not by partner, so it is not
-- ordered with the affiliation events: one of those may arrive after it and must not bring the
-- contact back; and nobody may be registered under an erased contact's id.
create table erased_contact (
    contact_id  uuid        primary key,
    erased_at   timestamptz not null
);

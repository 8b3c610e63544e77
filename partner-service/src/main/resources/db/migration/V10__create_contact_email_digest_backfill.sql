-- contact-registered carries the digest of the contact's email address from this version on. The contacts
-- recorded before it are announced once more, each with a contact-email-changed of its current address, by
-- service.ContactDigestBackfill at start-up, which deletes each row with the event it writes.
create table contact_email_digest_backfill (
    contact_id  uuid  primary key references contact (id)
);
insert into contact_email_digest_backfill (contact_id) select id from contact where erased_at is null;

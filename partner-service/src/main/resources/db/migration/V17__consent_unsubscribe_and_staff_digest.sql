-- Renewal reminders are a purpose of their own (docs/mail.md, "Consent and unsubscribing"): only contacts whose
-- latest consent row for RENEWAL_REMINDERS grants it get them.
alter table consent drop constraint consent_purpose_check;
alter table consent add constraint consent_purpose_check
    check (purpose in ('MARKETING_EMAIL', 'EVENT_PHOTOS', 'DATA_SHARING_WITH_MEMBERS', 'RENEWAL_REMINDERS'));

-- One-click unsubscribe (RFC 8058): each mail sent for a consent purpose carries a link with a random token (32
-- bytes), stored only as its SHA-256, bound to the contact and the purpose. POSTing it records a withdrawal (a
-- consent row granted = false, source EMAIL). A token holds no personal data and stays valid while its contact exists.
create table unsubscribe_token (
    token_hash   bytea        primary key,
    contact_id   uuid         not null references contact (id) on delete cascade,
    purpose      varchar(40)  not null,
    created_at   timestamptz  not null
);
create index unsubscribe_token_contact_idx on unsubscribe_token (contact_id);

-- The daily digest of next steps (StaffDigest): a staff member's address is the email claim of their token, recorded
-- when they are seen (StaffSightings; null until they call partner-service with a token that has one). One row per
-- staff member and day once the digest was considered (mails 0: nothing was due), written with its mail.
alter table staff_user add column email text;
create table staff_digest (
    username     varchar(100) not null references staff_user (username),
    digest_date  date         not null,
    mails        integer      not null,
    recorded_at  timestamptz  not null,
    primary key (username, digest_date)
);

-- Contacts (people), their dated affiliations with partners, and their consent history per purpose.

create table contact (
    id          uuid         primary key,
    first_name  varchar(100) not null,
    last_name   varchar(100) not null,
    email       varchar(254) not null,
    phone       varchar(40),
    job_title   varchar(150),
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- One person, one email: duplicates are refused case-insensitively.
create unique index contact_email_uq on contact (lower(email));
-- Keyset paging sorts by (lower(last_name), lower(first_name), id).
create index contact_name_idx on contact (lower(last_name), lower(first_name), id);

-- An affiliation is never deleted: when a person leaves, end_date is set and the row stays as history.
create table affiliation (
    id          uuid        primary key,
    contact_id  uuid        not null references contact (id),
    partner_id  uuid        not null references partner (id),
    role        varchar(30) not null check (role in ('EXECUTIVE_SPONSOR', 'TECHNICAL_LEAD', 'DEVELOPER',
                                                     'MARKETING', 'BILLING', 'VOTING_CONTACT')),
    start_date  date        not null,
    end_date    date,
    source      varchar(10) not null check (source in ('MANUAL', 'IMPORT')),
    version     bigint      not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint affiliation_dates_ck check (end_date is null or end_date >= start_date)
);

create index affiliation_contact_idx on affiliation (contact_id, start_date);
create index affiliation_partner_idx on affiliation (partner_id, start_date, id);

-- Append-only: every grant or withdrawal is a row; the latest row per (contact, purpose) is the state.
create table consent (
    id           uuid        primary key,
    contact_id   uuid        not null references contact (id),
    purpose      varchar(40) not null check (purpose in ('MARKETING_EMAIL', 'EVENT_PHOTOS', 'DATA_SHARING_WITH_MEMBERS')),
    granted      boolean     not null,
    source       varchar(30) not null check (source in ('MANUAL', 'IMPORT', 'WEB_FORM', 'EVENT_REGISTRATION', 'EMAIL')),
    recorded_at  timestamptz not null
);

create index consent_contact_idx on consent (contact_id, purpose, recorded_at);

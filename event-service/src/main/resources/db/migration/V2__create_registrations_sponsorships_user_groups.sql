-- User groups (chapters) and their organisers (contact ids of partner-service).
create table user_group (
    id          uuid          primary key,
    name        varchar(200)  not null,
    city        varchar(100)  not null,
    country     varchar(2)    not null,
    version     bigint        not null default 0,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index user_group_name_idx on user_group (name, id);

create table user_group_organiser (
    user_group_id  uuid  not null references user_group (id) on delete cascade,
    contact_id     uuid  not null,
    primary key (user_group_id, contact_id)
);

-- Event details, and when an event last changed (the DTSTAMP of its calendar entries).
alter table event
    add column updated_at              timestamptz,
    add column description             varchar(5000),
    add column venue                   varchar(300),
    add column online_url              varchar(2000),
    add column capacity                integer       check (capacity is null or capacity >= 0),
    add column registration_opens_at   timestamptz,
    add column registration_closes_at  timestamptz,
    add column user_group_id           uuid          references user_group (id),
    add check (registration_closes_at is null or registration_opens_at is null or registration_closes_at > registration_opens_at);
update event set updated_at = created_at;
alter table event alter column updated_at set not null;
create index event_user_group_idx on event (user_group_id, starts_at);
create index event_status_starts_at_idx on event (status, starts_at, id);

-- Registrations. Waitlist order is the order of arrival (seq); at most one live registration per email per event.
create table registration (
    id              uuid          primary key,
    seq             bigserial     not null unique,
    event_id        uuid          not null references event (id),
    contact_id      uuid,
    name            varchar(200)  not null,
    email           varchar(254)  not null,
    partner_id      uuid,
    partner_name    varchar(200),
    source          varchar(20)   not null check (source in ('WEB', 'PORTAL', 'STAFF', 'IMPORT', 'DEMO')),
    status          varchar(20)   not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')),
    checked_in_at   timestamptz,
    cancel_token    varchar(64)   not null,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create unique index registration_live_email_uq on registration (event_id, lower(email)) where status <> 'CANCELLED';
create index registration_event_seq_idx on registration (event_id, seq);
create index registration_event_status_idx on registration (event_id, status, seq);
create index registration_partner_idx on registration (partner_id, event_id);

create table sponsorship (
    id            uuid           primary key,
    event_id      uuid           not null references event (id),
    partner_id    uuid           not null,
    partner_name  varchar(200)   not null,
    level         varchar(40)    not null,
    amount        numeric(14, 2) not null check (amount >= 0),
    currency      varchar(3)     not null,
    status        varchar(20)    not null check (status in ('PROPOSED', 'CONFIRMED', 'CANCELLED')),
    version       bigint         not null default 0,
    created_at    timestamptz    not null,
    updated_at    timestamptz    not null
);
create index sponsorship_event_idx on sponsorship (event_id, created_at, id);
create index sponsorship_partner_idx on sponsorship (partner_id);

-- Read model of partner-service's partners, fed by its events through the inbox.
create table partner_view (
    partner_id        uuid          primary key,
    name              varchar(200)  not null,
    lifecycle_status  varchar(20)   not null,
    updated_at        timestamptz   not null
);
create table partner_view_domain (
    domain      varchar(253)  primary key,
    partner_id  uuid          not null references partner_view (partner_id) on delete cascade
);
create index partner_view_domain_partner_idx on partner_view_domain (partner_id);
-- Which partner a contact works for now, from affiliation events.
create table contact_affiliation_view (
    affiliation_id  uuid     primary key,
    contact_id      uuid     not null,
    partner_id      uuid     not null,
    active          boolean  not null,
    start_date      date     not null
);
create index contact_affiliation_view_contact_idx on contact_affiliation_view (contact_id, active);

-- Touchpoints the community team logs about a partner, who attended, and the next steps they agreed.
create table touchpoint (
    id            uuid          primary key,
    partner_id    uuid          not null references partner (id),
    occurred_on   date          not null,
    type          varchar(30)   not null check (type in ('CALL', 'MEETING', 'BUSINESS_REVIEW', 'CONFERENCE_CONVERSATION', 'EMAIL')),
    summary       varchar(2000) not null,
    -- Internal: never in anything a partner can read, never in an event.
    notes         varchar(10000),
    -- Computed from affiliations when the touchpoint is logged or its attendees or date change.
    executive     boolean       not null,
    logged_by     varchar(100)  not null,
    version       bigint        not null default 0,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null
);

-- A partner's touchpoints are paged newest first by (occurred_on, id).
create index touchpoint_partner_date_idx on touchpoint (partner_id, occurred_on desc, id desc);

-- An attendee is a contact (by id; the contact table arrives in its own migration) or a staff member (by username).
create table touchpoint_attendee (
    id              uuid         primary key,
    touchpoint_id   uuid         not null references touchpoint (id) on delete cascade,
    contact_id      uuid,
    staff_username  varchar(100),
    check (num_nonnulls(contact_id, staff_username) = 1)
);

create unique index touchpoint_attendee_contact_uq on touchpoint_attendee (touchpoint_id, contact_id) where contact_id is not null;
create unique index touchpoint_attendee_staff_uq on touchpoint_attendee (touchpoint_id, staff_username) where staff_username is not null;
create index touchpoint_attendee_contact_idx on touchpoint_attendee (contact_id) where contact_id is not null;

create table next_step (
    id             uuid         primary key,
    touchpoint_id  uuid         not null references touchpoint (id) on delete cascade,
    description    varchar(500) not null,
    owner          varchar(100) not null,
    due_on         date         not null,
    done           boolean      not null default false,
    done_at        timestamptz,
    version        bigint       not null default 0,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    check (done = (done_at is not null))
);

-- The worklist pages an owner's steps by (due_on, id); the partial index serves "open" and "overdue".
create index next_step_owner_due_idx on next_step (owner, due_on, id);
create index next_step_owner_open_due_idx on next_step (owner, due_on, id) where not done;
create index next_step_touchpoint_idx on next_step (touchpoint_id);

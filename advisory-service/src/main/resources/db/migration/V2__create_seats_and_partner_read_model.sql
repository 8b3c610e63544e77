-- The seat policy is a JSON document on its board (see README: "Seat policy format").
alter table board add column policy jsonb not null default '{}'::jsonb;

-- The read model learns tiers and membership status from membership-changed; a membership event may
-- arrive for a partner whose registration this service has not seen (an older stream), so the name waits.
alter table partner_view alter column name drop not null;
alter table partner_view add column tier varchar(40);
alter table partner_view add column membership_status varchar(20);

-- Who works where, dated: partner-service's affiliation-started/ended.
create table affiliation_view (
    affiliation_id  uuid        primary key,
    contact_id      uuid        not null,
    partner_id      uuid        not null,
    role            varchar(30) not null,
    start_date      date        not null,
    end_date        date,
    updated_at      timestamptz not null
);
create index affiliation_view_contact_idx on affiliation_view (contact_id);

create table seat (
    id                    uuid        primary key,
    board_id              uuid        not null references board (id),
    kind                  varchar(20) not null check (kind in ('TIER_APPOINTED', 'ELECTED', 'EX_OFFICIO', 'COMMUNITY')),
    holder_contact_id     uuid        not null,
    partner_id            uuid,
    tier_basis            varchar(40),
    term_start            date        not null,
    term_end              date,
    alternate_contact_id  uuid,
    voting_status         varchar(20) not null default 'VOTING' check (voting_status in ('VOTING', 'SUSPENDED')),
    vacated_on            date,
    vacate_reason         varchar(500),
    version               bigint      not null default 0,
    created_at            timestamptz not null,
    check (term_end is null or term_end >= term_start)
);
create index seat_board_idx on seat (board_id, term_start, id);
create index seat_partner_idx on seat (partner_id);
create index seat_holder_idx on seat (holder_contact_id);

-- Open findings of the policy on a held seat; one per seat and reason, removed once resolved.
create table seat_flag (
    id           uuid         primary key,
    seat_id      uuid         not null references seat (id),
    rule         varchar(60)  not null,
    reason_code  varchar(60)  not null,
    detail       varchar(500) not null,
    flagged_at   timestamptz  not null,
    unique (seat_id, reason_code)
);

-- Audit of appointments made against the policy: who overrode which rule, when and why.
create table policy_override (
    id             uuid          primary key,
    board_id       uuid          not null references board (id),
    seat_id        uuid          not null references seat (id),
    rule           varchar(60)   not null,
    detail         varchar(500)  not null,
    reason         varchar(1000) not null,
    overridden_by  varchar(200)  not null,
    overridden_at  timestamptz   not null
);
create index policy_override_board_idx on policy_override (board_id, overridden_at desc, id);

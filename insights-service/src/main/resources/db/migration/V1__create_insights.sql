-- insights-service's read model of every service's events (docs/insights.md). It writes nothing to the others.

-- Partners as partner-service describes them, with their membership's latest terms (contracts' MembershipTerms).
create table partner (
    partner_id             uuid          primary key,
    name                   varchar(300),
    lifecycle_status       varchar(20)   not null default 'ACTIVE',
    parent_partner_id      uuid,
    tier                   varchar(100),
    pending_tier           varchar(100),
    pending_tier_effective date,
    term_start             date,
    term_end               date,
    auto_renew             boolean       not null default false,
    grace_days             integer       not null default 0,
    updated_at             timestamptz   not null
);

-- The engagement timeline: one row per thing that happened with a partner, from the event that told of it.
create table timeline_entry (
    id            uuid          primary key,
    partner_id    uuid          not null,
    occurred_at   timestamptz   not null,
    kind          varchar(40)   not null,
    source_type   varchar(40)   not null,
    source_id     uuid          not null,
    context_id    uuid,
    executive     boolean       not null default false,
    summary       varchar(500)  not null
);
create index timeline_entry_partner_idx on timeline_entry (partner_id, occurred_at desc, id desc);
create index timeline_entry_kind_idx on timeline_entry (partner_id, kind, occurred_at);

-- Board seats held for a partner (from advisory-service's seat events), for entitled seats left empty.
create table seat_holding (
    seat_id            uuid          primary key,
    board_id           uuid          not null,
    partner_id         uuid,
    seat_kind          varchar(30)   not null,
    holder_contact_id  uuid,
    term_start         date,
    term_end           date,
    vacated_on         date,
    updated_at         timestamptz   not null
);
create index seat_holding_partner_idx on seat_holding (partner_id);

-- Each partner's health as last computed, with its reasons, and one score per day for the trend.
create table partner_health (
    partner_id    uuid          primary key,
    score         integer       not null check (score between 0 and 100),
    reasons       jsonb         not null,
    computed_at   timestamptz   not null,
    renewal_on    date
);
create table partner_health_day (
    partner_id    uuid          not null,
    day           date          not null,
    score         integer       not null check (score between 0 and 100),
    primary key (partner_id, day)
);

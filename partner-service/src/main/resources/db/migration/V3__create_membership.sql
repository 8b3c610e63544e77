-- A partner's membership: at most one row per partner. Its status is derived from the dates;
-- last_status only remembers what the status sweep last reported, to publish changes once.
create table membership (
    id                      uuid        primary key,
    partner_id              uuid        not null unique references partner (id),
    tier                    varchar(40) not null,
    pending_tier            varchar(40),
    pending_tier_effective  date,
    term_start              date        not null,
    term_end                date        not null,
    auto_renew              boolean     not null,
    grace_days              integer     not null check (grace_days between 0 and 365),
    last_status             varchar(20) not null check (last_status in ('PENDING', 'NEW', 'CURRENT', 'GRACE', 'EXPIRED')),
    version                 bigint      not null default 0,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    check (term_end >= term_start),
    check ((pending_tier is null) = (pending_tier_effective is null))
);

-- History: every change, newest first by (recorded_at, id).
create table membership_change (
    id              uuid        primary key,
    membership_id   uuid        not null references membership (id),
    partner_id      uuid        not null references partner (id),
    kind            varchar(20) not null check (kind in ('STARTED', 'RENEWED', 'TIER_CHANGED', 'ENDED', 'STATUS_CHANGED')),
    tier            varchar(40) not null,
    status          varchar(20) not null check (status in ('PENDING', 'NEW', 'CURRENT', 'GRACE', 'EXPIRED')),
    term_start      date        not null,
    term_end        date        not null,
    effective_date  date        not null,
    recorded_by     varchar(200) not null,
    recorded_at     timestamptz not null
);

create index membership_change_history_idx on membership_change (partner_id, recorded_at desc, id desc);

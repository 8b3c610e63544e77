-- Read model of partner-service's memberships, from its membership-changed events. Each row is the membership
-- as one change left it, in force from its effective date; a later event deletes the rows it supersedes (those
-- taking effect on or after its own effective date), so per partner the effective dates are unique and the
-- state in force on a day is the row with the latest effective date up to that day.
create table membership_view (
    id              uuid          primary key,
    partner_id      uuid          not null,
    membership_id   uuid          not null,
    tier            varchar(100)  not null,
    term_start      date          not null,
    term_end        date          not null,
    grace_days      integer       not null check (grace_days >= 0),
    auto_renew      boolean       not null,
    effective_date  date          not null,
    change          varchar(20)   not null,
    received_at     timestamptz   not null,
    unique (partner_id, effective_date)
);

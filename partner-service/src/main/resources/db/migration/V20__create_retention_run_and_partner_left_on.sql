-- The log of the daily retention run (platform retention.RetentionRunner, docs/privacy.md): one row per category
-- and run, with the age limit applied, the cut-off and how many rows were deleted or anonymised.
create table retention_run (
    id          uuid         primary key,
    category    varchar(60)  not null,
    action      varchar(10)  not null check (action in ('DELETE', 'ANONYMISE')),
    retain_for  varchar(40)  not null,
    cutoff      timestamptz  not null,
    affected    bigint       not null,
    run_at      timestamptz  not null,
    -- why the category stopped early (the run goes on with the next), or null
    error       text
);
create index retention_run_recent_idx on retention_run (run_at desc, category);

-- When the partner left (became LAPSED or FORMER), for the retention of its touchpoints' notes
-- (PartnerRetentionRules); null while it is a prospect or active. Partners that left before this column
-- existed count from their membership's end (with its grace days), or else from their last change.
alter table partner add column left_on date;
update partner p set left_on = coalesce(
        (select m.term_end + m.grace_days from membership m where m.partner_id = p.id),
        cast(p.updated_at as date))
    where p.lifecycle_status in ('LAPSED', 'FORMER');
create index partner_left_on_idx on partner (left_on) where left_on is not null;

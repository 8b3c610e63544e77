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

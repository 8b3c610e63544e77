-- The log of retention runs, as each service creates it in its own migration (RetentionRunnerTest).
create table retention_run (
    id          uuid         primary key,
    category    varchar(60)  not null,
    action      varchar(10)  not null check (action in ('DELETE', 'ANONYMISE')),
    retain_for  varchar(40)  not null,
    cutoff      timestamptz  not null,
    affected    bigint       not null,
    run_at      timestamptz  not null,
    error       text
);
create index retention_run_recent_idx on retention_run (run_at desc, category);

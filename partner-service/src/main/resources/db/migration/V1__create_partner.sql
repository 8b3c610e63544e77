create table partner (
    id                uuid         primary key,
    name              varchar(200) not null,
    website           varchar(500),
    country           varchar(2),
    lifecycle_status  varchar(20)  not null check (lifecycle_status in ('PROSPECT', 'ACTIVE', 'LAPSED', 'FORMER')),
    version           bigint       not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);

-- Keyset paging sorts by (lower(name), id).
create index partner_name_idx on partner (lower(name), id);

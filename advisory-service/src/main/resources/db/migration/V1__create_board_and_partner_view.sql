create table board (
    id          uuid         primary key,
    name        varchar(200) not null unique,
    kind        varchar(30)  not null check (kind in ('GOVERNING_BOARD', 'TECHNICAL_COMMITTEE', 'END_USER_BOARD', 'MARKETING_COMMITTEE', 'OTHER')),
    version     bigint       not null default 0,
    created_at  timestamptz  not null
);
create index board_name_idx on board (lower(name), id);

-- Read model of partner-service's partners, fed only by its events.
create table partner_view (
    partner_id         uuid         primary key,
    name               varchar(200) not null,
    lifecycle_status   varchar(20)  not null,
    parent_partner_id  uuid,
    updated_at         timestamptz  not null
);

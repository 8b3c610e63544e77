create table event (
    id          uuid          primary key,
    kind        varchar(20)   not null check (kind in ('CONFERENCE', 'SUMMIT', 'MEETUP', 'WEBINAR', 'WORKSHOP')),
    title       varchar(200)  not null,
    starts_at   timestamptz   not null,
    ends_at     timestamptz   not null,
    time_zone   varchar(64)   not null,
    status      varchar(20)   not null check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')),
    version     bigint        not null default 0,
    created_at  timestamptz   not null,
    check (ends_at > starts_at)
);
-- Lists are keyset-paged by (starts_at, id).
create index event_starts_at_idx on event (starts_at, id);

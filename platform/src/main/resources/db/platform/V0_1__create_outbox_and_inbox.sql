-- Platform tables, applied by every service through Flyway location classpath:db/platform.
-- Versions 0.x belong to the platform; services number their own migrations from 1.

create table outbox_event (
    seq           bigserial    primary key,
    id            uuid         not null unique,
    topic         varchar(249) not null,
    aggregate_id  varchar(255) not null,
    type          varchar(255) not null,
    source        varchar(255) not null,
    occurred_at   timestamptz  not null,
    data          json         not null,  -- json, not jsonb: the payload is published byte for byte as written
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    text
);

-- The relay only ever reads unpublished rows in sequence order.
create index outbox_event_unpublished_idx on outbox_event (seq) where published_at is null;
create index outbox_event_published_at_idx on outbox_event (published_at) where published_at is not null;

create table inbox_event (
    consumer      varchar(255) not null,
    event_id      varchar(255) not null,
    event_type    varchar(255) not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Webhook subscriptions, their signing secrets and the deliveries (ADR 0008, docs/webhooks.md).
-- The inbox (inbox_event) comes from the platform's migrations (db/platform).

create table subscription (
    id                uuid          primary key,
    -- null: a staff subscription; else the partner whose users own it (and whose events only it receives)
    owner_partner_id  uuid,
    url               varchar(2000) not null,
    description       varchar(200),
    event_types       varchar(100)[] not null,
    -- only events whose partnerId is this one (null: any)
    filter_partner_id uuid,
    enabled           boolean       not null,
    disabled_reason   varchar(500),
    disabled_at       timestamptz,
    -- the current streak of failed attempts, and since when
    failure_streak    integer       not null default 0,
    failing_since     timestamptz,
    created_by        varchar(255),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null
);
create index subscription_owner_idx on subscription (owner_partner_id, created_at, id);
create index subscription_enabled_idx on subscription (enabled) where enabled;

create table subscription_secret (
    id               uuid          primary key,
    subscription_id  uuid          not null references subscription (id) on delete cascade,
    -- AES-256-GCM of the whsec_ secret: base64(iv || ciphertext || tag); never on Kafka, never in a log
    secret_sealed    varchar(200)  not null,
    created_at       timestamptz   not null,
    -- null: current; else the end of its overlap after a rotation
    expires_at       timestamptz
);
create index subscription_secret_subscription_idx on subscription_secret (subscription_id);

create table delivery (
    id                uuid          primary key,
    -- arrival order: the deliveries of one lane go out in it, one at a time
    seq               bigserial     not null unique,
    subscription_id   uuid          not null references subscription (id) on delete cascade,
    -- the event's partnerId, or '' for an event about no partner
    lane              varchar(36)   not null,
    -- the CloudEvent id, sent as webhook-id (the same for a redelivery)
    event_id          varchar(255)  not null,
    event_type        varchar(255)  not null,
    -- the CloudEvent in structured mode, the body as sent
    body              text          not null,
    status            varchar(20)   not null,
    attempts          integer       not null default 0,
    next_attempt_at   timestamptz   not null,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        varchar(500),
    delivered_at      timestamptz,
    created_at        timestamptz   not null,
    -- the delivery this one repeats (a manual redelivery)
    redelivery_of     uuid
);
-- The worker looks for due heads of lanes; the log pages a subscription's deliveries newest first.
create index delivery_pending_idx on delivery (next_attempt_at, seq) where status = 'PENDING';
create index delivery_lane_idx on delivery (subscription_id, lane, seq) where status = 'PENDING';
create index delivery_log_idx on delivery (subscription_id, seq);

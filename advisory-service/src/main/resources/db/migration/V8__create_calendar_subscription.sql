-- Private calendar feeds: a secret address per user and board that a calendar application can subscribe to
-- without a bearer token. Only a hash of the secret is kept; the owner's rights at creation are kept too and
-- checked again on every fetch (a partner's organisation must still hold a seat). Revoked rows stay, for the record.
create table calendar_subscription (
    id                uuid          primary key,
    board_id          uuid          not null references board (id),
    secret_hash       varchar(64)   not null unique,
    owner_subject     varchar(255)  not null,
    owner_username    varchar(255)  not null,
    owner_roles       varchar(255)  not null,
    owner_partner_id  uuid,
    created_at        timestamptz   not null,
    revoked_at        timestamptz,
    revoked_by        varchar(255),
    last_fetched_at   timestamptz
);
create index calendar_subscription_board_idx on calendar_subscription (board_id, created_at, id);

-- Public sign-up, and the bookkeeping of event reminders (at the end).
-- Public sign-up with double opt-in (docs/mail.md, "Public sign-up"). Staff allow it per event; then anyone may sign
-- up with a name and an address. A sign-up is held here, taking no seat, until the address is confirmed through the
-- link in the mail recorded with it (mail_outbox, same transaction); confirming makes the registration. A sign-up of
-- an address registered already is recorded too (status NOTICE, no token): it counts against the limits and its
-- mail says so, while the answer to the request is the same as for any other.
-- Rows hold a name and an address: they are deleted once expired and outside the limits' window
-- (SignUpService.sweep), confirmed or not.
alter table event add column public_sign_up boolean not null default false;

create table sign_up (
    id               uuid          primary key,
    event_id         uuid          not null references event (id),
    name             varchar(200)  not null,
    email            varchar(254)  not null,
    -- the caller's address as the service saw it (behind the gateway: X-Forwarded-For), for the per-client limit
    client_address   varchar(64)   not null,
    status           varchar(20)   not null check (status in ('PENDING', 'CONFIRMED', 'NOTICE')),
    -- SHA-256 of the secret in the confirmation link; null for a NOTICE
    token_hash       varchar(64),
    expires_at       timestamptz   not null,
    confirmed_at     timestamptz,
    registration_id  uuid,
    created_at       timestamptz   not null
);
create unique index sign_up_token_uq on sign_up (token_hash);
create index sign_up_email_idx on sign_up (lower(email), created_at);
create index sign_up_client_idx on sign_up (client_address, created_at);
create index sign_up_expires_idx on sign_up (expires_at);

-- Event reminders (ReminderService): the start time the registrant was reminded of, so each reminder is sent once,
-- and once more if the event moves to another start.
alter table registration add column reminded_for timestamptz;

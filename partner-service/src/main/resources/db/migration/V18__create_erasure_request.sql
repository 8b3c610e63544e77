-- An erasure request and its progress across the services (a saga with a status). It holds no personal data:
-- the erased contact's id (its row holds only placeholders), or for an address without a contact nothing at
-- all about the address (its digest went to event-service in guest-erasure-requested and is not kept here).
create table erasure_request (
    id           uuid primary key,
    contact_id   uuid unique references contact (id),
    requested_at timestamptz  not null,
    requested_by varchar(255) not null,
    version      bigint       not null default 0
);

-- One row per service that must do its part; completed_at is set when its erasure-completed event arrives
-- (partner-service's own part when it commits).
create table erasure_step (
    id           uuid primary key,
    request_id   uuid        not null references erasure_request (id),
    service      varchar(32) not null,
    completed_at timestamptz,
    constraint erasure_step_uq unique (request_id, service)
);

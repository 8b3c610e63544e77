-- The machine clients partner-service registered in Keycloak for partners' own systems (client credentials).
-- Only a client named here is listed or revoked under its partner, so the API never shows or deletes any other
-- Keycloak client. registration_token is Keycloak's registration access token for that one client: the only
-- credential with which partner-service can delete it (its own account may register clients, not manage them).
-- The client secret is never stored.
create table partner_api_client (
    id                 uuid         primary key,
    partner_id         uuid         not null references partner (id),
    client_id          varchar(64)  not null unique,
    name               varchar(100) not null,
    registration_token text         not null,
    created_by         varchar(100) not null,
    created_at         timestamptz  not null
);

create index partner_api_client_partner on partner_api_client (partner_id, created_at, id);

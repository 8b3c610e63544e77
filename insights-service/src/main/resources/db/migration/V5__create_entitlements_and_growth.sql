-- Each member's own tier-appointed seats per board (advisory-service's board-composition-changed, `entitlements`):
-- what its tier entitles it to and how many it fills, as of the composition kept for the board. A board whose latest
-- composition carried entitlements has `entitlements_known`; for the others health falls back to the seats it saw.
alter table board_composition add column entitlements_known boolean not null default false;
create table board_entitlement (
    board_id    uuid          not null references board_composition (board_id),
    partner_id  uuid          not null,
    tier        varchar(100)  not null,
    entitled    integer       not null,
    filled      integer       not null,
    primary key (board_id, partner_id)
);
create index board_entitlement_partner_idx on board_entitlement (partner_id);

-- Partners' email domains (partner-service's partner-registered / partner-changed): a domain of a member is no
-- growth lead.
create table partner_domain (
    partner_id  uuid          not null,
    domain      varchar(253)  not null,
    primary key (partner_id, domain)
);
create index partner_domain_domain_idx on partner_domain (domain);

-- Registrations as event-service publishes them: the email's domain (never the address), the company snapshot, the
-- contact (dropped when partner-service erases it), the status and whether the registrant attended. For growth leads.
create table registration_view (
    registration_id  uuid          primary key,
    event_id         uuid          not null,
    contact_id       uuid,
    partner_id       uuid,
    email_domain     varchar(253),
    status           varchar(20),
    attended         boolean       not null default false,
    last_seen_at     timestamptz   not null
);
create index registration_view_domain_idx on registration_view (email_domain, last_seen_at);
create index registration_view_contact_idx on registration_view (contact_id);

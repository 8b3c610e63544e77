-- The partner profile: legal name, description, logo, related-company group, email domains, search.
create extension if not exists pg_trgm;

alter table partner
    add column legal_name        varchar(300),
    add column description       varchar(4000),
    add column logo_url          varchar(2000),
    add column parent_partner_id uuid references partner (id),
    -- lower-case name and email domains, kept by the application, for ?q= (trigram index below)
    add column search_text       text not null default '';

update partner set search_text = lower(name);

-- A domain identifies one partner's people, so it belongs to at most one partner.
create table partner_domain (
    domain      varchar(253) primary key,
    partner_id  uuid         not null references partner (id) on delete cascade
);
create index partner_domain_partner_idx on partner_domain (partner_id);

create index partner_search_trgm_idx on partner using gin (search_text gin_trgm_ops);
create index partner_status_name_idx on partner (lifecycle_status, lower(name), id);
create index partner_country_name_idx on partner (country, lower(name), id);
create index partner_parent_idx on partner (parent_partner_id) where parent_partner_id is not null;

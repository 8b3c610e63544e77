-- Contacts (people) partner-service has registered (contact-registered) or erased (contact-erased): ids
-- only, no personal data. A seat holder or alternate must be a known contact that is not erased.
create table contact_view (
    contact_id  uuid         primary key,
    erased_at   timestamptz,
    -- not from contact-registered: a holder seated before this table, a contact an affiliation event
    -- names, or a demo person
    assumed     boolean      not null default false,
    updated_at  timestamptz  not null
);

-- The people seated before contacts were checked, and those partner-service's affiliation events named.
insert into contact_view (contact_id, assumed, updated_at)
select contact_id, true, now() from (
    select holder_contact_id as contact_id from seat
    union select alternate_contact_id from seat where alternate_contact_id is not null
    union select contact_id from affiliation_view) known;

-- The partner import's natural key besides the primary email domain: the partner's id in the system it came from
-- (a CiviCRM contact id, a spreadsheet's row key), unique when set.
alter table partner
    add column external_id        varchar(100) unique,
    -- Who last wrote each field an import may write: MANUAL (a person, through the API) or IMPORT (a CSV import).
    -- An import never overwrites a field a person set; null = never written (as for contacts, V11).
    add column name_source        varchar(10) check (name_source in ('MANUAL', 'IMPORT')),
    add column legal_name_source  varchar(10) check (legal_name_source in ('MANUAL', 'IMPORT')),
    add column website_source     varchar(10) check (website_source in ('MANUAL', 'IMPORT')),
    add column country_source     varchar(10) check (country_source in ('MANUAL', 'IMPORT')),
    add column parent_source      varchar(10) check (parent_source in ('MANUAL', 'IMPORT'));

-- Every partner so far was entered by a person (or the demo data, which stands for people).
update partner set
    name_source       = 'MANUAL',
    legal_name_source = case when legal_name is null then null else 'MANUAL' end,
    website_source    = case when website is null then null else 'MANUAL' end,
    country_source    = case when country is null then null else 'MANUAL' end,
    parent_source     = case when parent_partner_id is null then null else 'MANUAL' end;

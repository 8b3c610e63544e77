-- Who last wrote each of a contact's own details (besides the email, the import's key): MANUAL (a person, through
-- the API) or IMPORT (a CSV import). An import never overwrites a field a person set; null = never written.
alter table contact
    add column first_name_source varchar(10) check (first_name_source in ('MANUAL', 'IMPORT')),
    add column last_name_source  varchar(10) check (last_name_source in ('MANUAL', 'IMPORT')),
    add column phone_source      varchar(10) check (phone_source in ('MANUAL', 'IMPORT')),
    add column job_title_source  varchar(10) check (job_title_source in ('MANUAL', 'IMPORT'));

-- Every contact so far was entered by a person (or the demo data, which stands for people).
update contact set
    first_name_source = 'MANUAL',
    last_name_source  = 'MANUAL',
    phone_source      = case when phone is null then null else 'MANUAL' end,
    job_title_source  = case when job_title is null then null else 'MANUAL' end;

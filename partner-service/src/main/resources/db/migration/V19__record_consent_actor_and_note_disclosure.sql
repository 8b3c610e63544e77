-- Who made each consent decision: staff (with their username), the subject through an unsubscribe link, an
-- import, or the system. Decisions recorded before this could only come from the staff route; imports are
-- told by their source.
alter table consent add column actor_kind varchar(10);
alter table consent add column actor varchar(255);
update consent set actor_kind = case when source = 'IMPORT' then 'import' else 'staff' end;
alter table consent alter column actor_kind set not null;
alter table consent add constraint consent_actor_kind_check
    check (actor_kind in ('staff', 'subject', 'import', 'system'));

-- Whether a touchpoint's notes may be given to the people who attended it in a subject-access export.
alter table touchpoint add column notes_disclosable boolean not null default true;


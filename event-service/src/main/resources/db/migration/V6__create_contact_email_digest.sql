-- The digest of each contact's email address as partner-service last published it (contact-registered,
-- contact-email-changed; contracts' ContactRegistered.emailSha256), never the address: a partner user may
-- register its own contact only under the address on record. Deleted when the contact is erased.
create table contact_email_digest (
    contact_id    uuid         primary key,
    email_sha256  varchar(64)  not null check (email_sha256 ~ '^[0-9a-f]{64}$'),
    updated_at    timestamptz  not null
);

-- At most one registration per contact and event that is not cancelled, as registration_live_email_uq does
-- for emails: the service checks it under the event's row lock, and this index stops whatever gets past.
-- Registrations made before this version may break it (one contact registered under two addresses); then this
-- migration stops with the list, and the community team cancels the extra ones (DELETE …/registrations/{id},
-- which tells the other services) before the service is started again.
do $$
declare
    duplicates text;
begin
    select string_agg(format('event %s contact %s (%s registrations)', event_id, contact_id, n), '; ')
    into duplicates
    from (select event_id, contact_id, count(*) as n from registration
          where contact_id is not null and status <> 'CANCELLED'
          group by event_id, contact_id having count(*) > 1 limit 50) d;
    if duplicates is not null then
        raise exception 'contacts registered more than once for an event, cancel all but one of each: %', duplicates;
    end if;
end
$$;
create unique index registration_live_contact_uq on registration (event_id, contact_id)
    where contact_id is not null and status <> 'CANCELLED';

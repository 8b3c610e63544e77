-- The staff members partner-service has seen: someone who called it with a staff role (community-team or
-- foundation-staff), recorded once, by the username their token names (lower-case). A next step's owner
-- must be one of them. Seeded from the names already recorded as authors of changes.
create table staff_user (
    username      varchar(100) primary key,
    first_seen_at timestamptz  not null
);

insert into staff_user (username, first_seen_at)
select lower(logged_by), min(created_at) from touchpoint group by lower(logged_by)
on conflict do nothing;

insert into staff_user (username, first_seen_at)
select lower(recorded_by), min(recorded_at) from membership_change where recorded_by <> 'system' group by lower(recorded_by)
on conflict do nothing;

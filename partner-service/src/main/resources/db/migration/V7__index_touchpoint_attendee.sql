-- Loading a touchpoint's attendees filters by touchpoint_id alone. The two unique indexes of V5 lead with it but
-- are partial (contact_id / staff_username not null), so they do not serve that query: without this index every
-- touchpoint in a list cost a scan of the whole attendee table (100 ms at 200k attendees, docs/benchmarks.md).
create index touchpoint_attendee_touchpoint_idx on touchpoint_attendee (touchpoint_id);

-- When a due partner's health is computed: a quiet period after its latest event, but no later than a bound after its
-- first (persistence.HealthDue), so a burst of one partner's events costs one computation.
alter table health_due add column due_at timestamptz;
update health_due set due_at = due_since;
alter table health_due alter column due_at set not null;
drop index health_due_since_idx;
create index health_due_at_idx on health_due (due_at);

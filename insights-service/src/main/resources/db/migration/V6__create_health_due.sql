-- Partners whose health an event made due (persistence.HealthDue); service.HealthRecomputer computes and removes them.
create table health_due (
    partner_id  uuid         primary key,
    due_since   timestamptz  not null
);
create index health_due_since_idx on health_due (due_since);

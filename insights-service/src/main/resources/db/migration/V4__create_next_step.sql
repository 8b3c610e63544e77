-- Next steps of partners' touchpoints (partner-service's next-step-changed): their due date and whether done, for
-- the health rule on overdue next steps. No description, no owner.
create table next_step (
    next_step_id   uuid          primary key,
    partner_id     uuid          not null,
    due_on         date          not null,
    done           boolean       not null,
    updated_at     timestamptz   not null
);
create index next_step_partner_idx on next_step (partner_id) where not done;

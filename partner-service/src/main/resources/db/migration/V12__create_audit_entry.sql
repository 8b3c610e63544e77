-- The audit trail: who changed what and when, written in the transaction of the change
-- (dev.trellis.platform.audit.AuditTrail). Apart from the outbox, so each keeps its own retention.
create table audit_entry (
    id          uuid primary key,
    occurred_at timestamptz not null,
    actor_kind  text        not null check (actor_kind in ('user', 'client', 'system', 'anonymous')),
    actor       text,
    entity_type text        not null,
    entity_id   text        not null,
    action      text        not null,
    changes     jsonb       not null,
    request_id  text
);

-- Every query is newest first, by entity or by actor (staff-only route GET /api/audit/<service>).
create index audit_entry_recent on audit_entry (occurred_at desc, id desc);
create index audit_entry_entity on audit_entry (entity_type, entity_id, occurred_at desc, id desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc, id desc);

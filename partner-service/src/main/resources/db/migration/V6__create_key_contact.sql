-- Key contacts of a membership (LFX keeps these per membership): one contact per role.
create table key_contact (
    membership_id  uuid        not null references membership (id) on delete cascade,
    role           varchar(20) not null check (role in ('PRIMARY', 'VOTING', 'BILLING', 'MARKETING', 'TECHNICAL')),
    contact_id     uuid        not null references contact (id),
    assigned_at    timestamptz not null,
    primary key (membership_id, role)
);
create index key_contact_contact_idx on key_contact (contact_id);

-- The partner list's ?tier= filter looks memberships up by tier.
create index membership_tier_idx on membership (tier, partner_id);

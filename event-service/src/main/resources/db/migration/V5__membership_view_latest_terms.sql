-- A partner's membership is read from the terms of its latest membership-changed (contracts' MembershipTerms):
-- one row per partner, with the tier before any scheduled change and that change. partner-service and
-- advisory-service read memberships by the same terms.
alter table membership_view add column pending_tier varchar(100);
alter table membership_view add column pending_tier_effective date;

-- The latest row per partner stands. If it is a tier change still to come, it is pending over the tier of the row
-- before it.
with ranked as (
    select id, partner_id, tier, change, effective_date, received_at,
           row_number() over (partition by partner_id order by received_at desc, effective_date desc) as rn,
           lead(tier) over (partition by partner_id order by received_at desc, effective_date desc) as tier_before
    from membership_view
)
update membership_view v
set pending_tier = r.tier, pending_tier_effective = r.effective_date, tier = r.tier_before
from ranked r
where v.id = r.id and r.rn = 1 and r.change = 'TIER_CHANGED' and r.tier_before is not null
  and r.effective_date > cast(r.received_at as date);

delete from membership_view v
using (select id, row_number() over (partition by partner_id order by received_at desc, effective_date desc) as rn
       from membership_view) r
where v.id = r.id and r.rn > 1;

alter table membership_view drop constraint membership_view_partner_id_effective_date_key;
alter table membership_view add constraint membership_view_partner_key unique (partner_id);
alter table membership_view add constraint membership_view_pending_check
    check ((pending_tier is null) = (pending_tier_effective is null));

-- A partner's membership is read from the terms its latest membership-changed carries (contracts'
-- MembershipTerms): the tier before any scheduled change, and that change. partner-service counts members
-- by the same terms, so both agree on the members of each tier on any day.
alter table membership_history add column terms_tier varchar(40);
alter table membership_history add column pending_tier varchar(40);
alter table membership_history add column pending_tier_effective date;

-- Rows from events sent before terms were carried: a tier change due after the day it was recorded is
-- pending over the tier of the change before it; any other dated row is its own tier.
with ordered as (
    select seq, change, tier, effective_date, recorded_on,
           lag(tier) over (partition by partner_id order by seq) as tier_before
    from membership_history
    where not assumed and term_start is not null and term_end is not null
)
update membership_history h
set terms_tier = case when o.change = 'TIER_CHANGED' and o.effective_date > o.recorded_on
                      then coalesce(o.tier_before, o.tier) else o.tier end,
    pending_tier = case when o.change = 'TIER_CHANGED' and o.effective_date > o.recorded_on then o.tier end,
    pending_tier_effective = case when o.change = 'TIER_CHANGED' and o.effective_date > o.recorded_on then o.effective_date end
from ordered o
where h.seq = o.seq and o.tier is not null;

-- The seat flag PARTNER_LAPSED is now MEMBERSHIP_NOT_CURRENT: the holder's partner is no longer a current
-- member (lapsed, or its membership expired or not started). Open flags keep their seat and date.
update seat_flag
set reason_code = 'MEMBERSHIP_NOT_CURRENT',
    detail = 'The partner the seat is held for is no longer a current member'
where reason_code = 'PARTNER_LAPSED';

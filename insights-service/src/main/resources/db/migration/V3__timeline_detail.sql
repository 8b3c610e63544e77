-- What kind of thing a line is within its kind, for the partner's value report: a touchpoint's type, a sponsorship's
-- level, a registration's status. Lines written before this column have none.
alter table timeline_entry add column detail varchar(100);

-- Where a board meeting takes place, for its invitations and calendar entries.
alter table board_meeting
    add column venue      varchar(300),
    add column online_url varchar(2000);

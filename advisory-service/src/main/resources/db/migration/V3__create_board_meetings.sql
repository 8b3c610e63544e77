create table board_meeting (
    id                uuid         primary key,
    board_id          uuid         not null references board (id),
    title             varchar(200) not null,
    starts_at         timestamptz  not null,
    time_zone         varchar(60)  not null,
    duration_minutes  integer      not null check (duration_minutes between 1 and 1440),
    agenda            text,
    minutes           text,
    quorum_met        boolean,
    held              boolean      not null default false,
    version           bigint       not null default 0,
    created_at        timestamptz  not null
);
create index board_meeting_board_idx on board_meeting (board_id, starts_at, id);

create table meeting_attendance (
    id          uuid        primary key,
    meeting_id  uuid        not null references board_meeting (id),
    seat_id     uuid        not null references seat (id),
    presence    varchar(20) not null check (presence in ('PRESENT', 'ABSENT', 'ALTERNATE')),
    unique (meeting_id, seat_id)
);
create index meeting_attendance_seat_idx on meeting_attendance (seat_id);

create table resolution (
    id          uuid         primary key,
    meeting_id  uuid         not null references board_meeting (id),
    title       varchar(300) not null,
    outcome     varchar(20)  not null check (outcome in ('ADOPTED', 'REJECTED', 'NO_QUORUM')),
    yes_votes   integer      not null,
    no_votes    integer      not null,
    abstentions integer      not null,
    votes       jsonb        not null,
    created_at  timestamptz  not null
);
create index resolution_meeting_idx on resolution (meeting_id, created_at, id);

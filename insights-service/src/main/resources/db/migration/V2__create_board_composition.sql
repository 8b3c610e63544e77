-- Who holds each board's seats per company group, from advisory-service's board-composition-changed: the latest,
-- and the last of each month, for the level-playing-field report's trend.
create table board_composition (
    board_id    uuid          primary key,
    board_name  varchar(300)  not null,
    as_of       date          not null,
    seats_held  integer       not null,
    groups      jsonb         not null,
    updated_at  timestamptz   not null
);
create table board_composition_month (
    board_id    uuid          not null,
    month       date          not null,
    seats_held  integer       not null,
    groups      jsonb         not null,
    primary key (board_id, month)
);

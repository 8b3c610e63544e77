-- The last board-composition-changed published per board: a composition is published again only when its
-- groups' counts or caps differ from this fingerprint (not on every re-check).
create table published_composition (
    board_id      uuid          primary key references board (id),
    fingerprint   varchar(2000) not null,
    published_at  timestamptz   not null
);

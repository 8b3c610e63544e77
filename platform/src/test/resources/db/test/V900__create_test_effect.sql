-- The visible effect of the test consumer (InboxTest).
create table test_effect (
    id        bigint       primary key,
    event_id  varchar(255) not null,
    payload   text         not null
);
create sequence test_effect_seq increment by 50;

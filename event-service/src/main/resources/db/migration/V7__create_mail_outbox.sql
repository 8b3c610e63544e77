-- Mails to send, written in the same transaction as the registration change that causes them (MailMessages) and
-- sent by MailRelay: a rollback leaves no row, so nothing is sent; a committed row is sent until SMTP accepts it.
-- A relay claims due rows for a lease (claimed_by, claimed_until: FOR UPDATE SKIP LOCKED), so two instances do not
-- send the same row; a claim whose relay died expires and another takes the row. A failed attempt sets
-- next_attempt_at later (exponential backoff); after the last attempt the row is FAILED and stays for inspection.
-- Once SENT its bodies (which may carry the registration's cancel token) and attachments are emptied; sent and
-- failed rows are deleted after trellis.mail.retention. The personal data here never goes onto Kafka.
create table mail_outbox (
    id               uuid         primary key,
    -- the template that made it (registration-confirmed, ...), for logs and metrics
    kind             varchar(60)  not null,
    -- what caused it; a contact's erasure deletes its rows that are not sent yet
    registration_id  uuid,
    recipient        text         not null,
    subject          text         not null,
    body_text        text         not null,
    body_html        text         not null,
    status           varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    claimed_by       varchar(64),
    claimed_until    timestamptz,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz  not null default now()
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_registration_idx on mail_outbox (registration_id);

create table mail_attachment (
    mail_id       uuid     not null references mail_outbox (id) on delete cascade,
    position      integer  not null,
    file_name     text     not null,
    content_type  text     not null,
    content       bytea    not null,
    primary key (mail_id, position)
);

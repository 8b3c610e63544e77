-- Mails to send, the same tables as event-service's (V7, V10): written by platform's MailOutbox in the transaction
-- of the change that causes them and sent by platform's MailRelay (docs/mail.md, "No dual writes"). A relay claims
-- due rows for a lease (claimed_by, claimed_until: FOR UPDATE SKIP LOCKED); a failed attempt waits a doubling
-- backoff (next_attempt_at); after the last attempt the row is FAILED. Once SENT its bodies (which may carry an
-- unsubscribe link) and attachments are emptied; sent and failed rows are deleted after trellis.mail.relay.retention.
-- The personal data here never goes onto Kafka.
create table mail_outbox (
    id               uuid         primary key,
    -- the template that made it (membership-renewal, ...), for logs and operators
    kind             varchar(60)  not null,
    -- what caused it (a membership, a meeting, a staff member ...)
    reference_id     uuid,
    recipient        text         not null,
    subject          text         not null,
    body_text        text         not null,
    body_html        text         not null,
    -- extra headers, a JSON object of name to value (List-Unsubscribe, List-Unsubscribe-Post)
    headers          text,
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
create index mail_outbox_reference_idx on mail_outbox (reference_id);

create table mail_attachment (
    mail_id       uuid     not null references mail_outbox (id) on delete cascade,
    position      integer  not null,
    file_name     text     not null,
    content_type  text     not null,
    content       bytea    not null,
    primary key (mail_id, position)
);

-- Renewal reminders recorded (RenewalReminders): one row per membership, term end and threshold
-- (trellis.mail.renewal.days-before), written in the transaction that records its mails, so each threshold of a term
-- reminds once, also with several instances sweeping. A renewed term (a later term_end) reminds again.
create table renewal_reminder (
    membership_id  uuid         not null references membership (id) on delete cascade,
    term_end       date         not null,
    days_before    integer      not null check (days_before > 0),
    -- how many mails it recorded (0: no billing or primary contact with consent)
    mails          integer      not null,
    recorded_at    timestamptz  not null,
    primary key (membership_id, term_end, days_before)
);

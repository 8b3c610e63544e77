-- The mail outbox is platform's now (dev.trellis.platform.mail: MailOutbox writes it, MailRelay sends it), shared in
-- shape with partner-service's. What caused a mail is a reference of the owner's choosing (here still the
-- registration), and a mail may carry extra headers (a JSON object of name to value, e.g. List-Unsubscribe).
alter table mail_outbox rename column registration_id to reference_id;
alter index mail_outbox_registration_idx rename to mail_outbox_reference_idx;
alter table mail_outbox add column headers text;

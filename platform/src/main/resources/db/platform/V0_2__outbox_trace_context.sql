-- The W3C trace context (traceparent, tracestate) of the transaction that wrote the row: the relay publishes the row
-- in a span that continues it and puts it on the Kafka record, so a consumer's work joins the trace of the change.
-- Null for rows written outside any trace. Bounds: a version-00 traceparent is 55 characters; the outbox drops a
-- tracestate longer than its W3C limit of 512 rather than fail the business transaction.
alter table outbox_event
    add column traceparent varchar(128),
    add column tracestate  varchar(512);

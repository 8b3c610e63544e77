package dev.trellis.platform.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The rules of the tables the platform gives every service: published outbox rows, inbox rows, the
 * audit trail and the mail outbox (where the service has it; a rule whose table is missing is skipped).
 */
@ApplicationScoped
public class PlatformRetentionRules implements RetentionRules {

    /**
     * Published events: their payloads carry ids and facts only, and Kafka has them. Unpublished rows never go.
     */
    static final RetentionRule PUBLISHED_EVENTS = RetentionRule.delete("published-events", "outbox_event", "P7D", """
            delete from outbox_event where seq in (
                select seq from outbox_event where published_at < ? limit ? for update skip locked)""");

    /**
     * The ids of processed events. Keep them well above the longest time a topic can deliver an event again
     * (the topics' retention: 7 days by Kafka's default, 14 in deploy/k8s): an id forgotten earlier would let a
     * late redelivery apply its effect twice.
     */
    static final RetentionRule PROCESSED_EVENTS = RetentionRule.delete("processed-events", "inbox_event", "P30D", """
            delete from inbox_event where (consumer, event_id) in (
                select consumer, event_id from inbox_event where processed_at < ? limit ? for update skip locked)""");

    /** The audit trail: who changed what. Long, because it answers for the data (and personal fields are masked). */
    static final RetentionRule AUDIT_ENTRIES = RetentionRule.delete("audit-entries", "audit_entry", "P7Y", """
            delete from audit_entry where id in (
                select id from audit_entry where occurred_at < ? limit ? for update skip locked)""");

    /**
     * The log of mails sent (and given up on): recipient, subject and what was said. Pending mails never go.
     * Their attachments go with them (on delete cascade).
     */
    static final RetentionRule MAIL_DELIVERY_LOG = RetentionRule.delete("mail-delivery-log", "mail_outbox", "P90D", """
            delete from mail_outbox where id in (
                select id from mail_outbox where status in ('SENT', 'FAILED') and coalesce(sent_at, created_at) < ?
                limit ? for update skip locked)""");

    @Override
    public List<RetentionRule> rules() {
        return List.of(PUBLISHED_EVENTS, PROCESSED_EVENTS, AUDIT_ENTRIES, MAIL_DELIVERY_LOG);
    }
}

package dev.trellis.webhook.persistence;

import dev.trellis.platform.retention.RetentionRule;
import dev.trellis.platform.retention.RetentionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What webhook-service forgets by age (docs/privacy.md); the platform adds its own tables' rules. */
@ApplicationScoped
public class WebhookRetentionRules implements RetentionRules {

    /**
     * The delivery log: each finished delivery (delivered or given up) with the body sent and the receiver's
     * answer, 90 days after it was recorded. Pending deliveries never go.
     */
    static final RetentionRule DELIVERIES = RetentionRule.delete("webhook-deliveries", "delivery", "P90D", """
            delete from delivery where id in (
                select id from delivery where status <> 'PENDING' and created_at < ?
                limit ? for update skip locked)""");

    @Override
    public List<RetentionRule> rules() {
        return List.of(DELIVERIES);
    }
}

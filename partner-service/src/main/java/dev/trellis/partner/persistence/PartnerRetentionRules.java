package dev.trellis.partner.persistence;

import dev.trellis.platform.retention.RetentionRule;
import dev.trellis.platform.retention.RetentionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What partner-service forgets by age (docs/privacy.md); the platform adds its own tables' rules. */
@ApplicationScoped
public class PartnerRetentionRules implements RetentionRules {

    /**
     * The internal notes of a partner's touchpoints, six years after the partner left (became LAPSED or FORMER:
     * {@code partner.left_on}). The touchpoint stays (date, type, summary, attendees): the engagement history
     * and its statistics need it. A partner that comes back keeps its notes.
     */
    static final RetentionRule TOUCHPOINT_NOTES = RetentionRule.delete("touchpoint-notes", "touchpoint", "P6Y", """
            update touchpoint set notes = null where id in (
                select t.id from touchpoint t join partner p on p.id = t.partner_id
                where t.notes is not null and p.lifecycle_status in ('LAPSED', 'FORMER')
                  and p.left_on < cast(? as timestamptz)
                limit ? for update of t skip locked)""");

    @Override
    public List<RetentionRule> rules() {
        return List.of(TOUCHPOINT_NOTES);
    }
}

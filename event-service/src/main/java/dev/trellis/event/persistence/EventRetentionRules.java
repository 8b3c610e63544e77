package dev.trellis.event.persistence;

import dev.trellis.platform.retention.RetentionRule;
import dev.trellis.platform.retention.RetentionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What event-service forgets by age (docs/privacy.md); the platform adds its own tables' rules, among them
 * the mail outbox's ({@code mail-delivery-log}).
 */
@ApplicationScoped
public class EventRetentionRules implements RetentionRules {

    /**
     * Guests' registrations (no contact id: people who are not partner-service contacts), 24 months after the
     * event ended. The row stays, with status, check-in and company, for attendance statistics; the name and the
     * address become placeholders in the form erasure uses ({@code Registration.erasePersonalData}), so an
     * anonymised row no longer matches. Contacts' registrations stay until the contact is erased.
     */
    static final RetentionRule GUEST_REGISTRATIONS = RetentionRule.anonymise("guest-registrations", "registration",
            "P24M", """
            update registration set name = 'Anonymised guest', email = 'anonymised-' || id || '@erased.invalid'
            where id in (
                select r.id from registration r join event e on e.id = r.event_id
                where r.contact_id is null and r.email not like '%@erased.invalid' and e.ends_at < ?
                limit ? for update of r skip locked)""");

    @Override
    public List<RetentionRule> rules() {
        return List.of(GUEST_REGISTRATIONS);
    }
}

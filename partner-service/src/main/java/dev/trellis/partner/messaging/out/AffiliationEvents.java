package dev.trellis.partner.messaging.out;

import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.AffiliationRole;
import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.partner.domain.Affiliation;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Affiliation changes as published facts, keyed by the affiliation's partner so each partner's events stay ordered. */
@ApplicationScoped
public class AffiliationEvents {
    private final Outbox outbox;

    public AffiliationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void started(Affiliation a) {
        outbox.publish(new AffiliationStarted(a.id, a.contactId, a.partnerId, AffiliationRole.valueOf(a.role.name()),
                a.startDate));
    }

    /** {@link #started} for many affiliations at once (a CSV import's chunk), in one batch. */
    public void started(List<Affiliation> started) {
        outbox.publishAll(started.stream().map(a -> new AffiliationStarted(a.id, a.contactId, a.partnerId,
                AffiliationRole.valueOf(a.role.name()), a.startDate)).toList());
    }

    public void ended(Affiliation a) {
        outbox.publish(new AffiliationEnded(a.id, a.contactId, a.partnerId, AffiliationRole.valueOf(a.role.name()),
                a.startDate, a.endDate));
    }
}

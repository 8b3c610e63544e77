package dev.trellis.partner.messaging.out;

import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** Turns partner changes into the published contract, through the outbox. One call, one event. */
@ApplicationScoped
public class PartnerEvents {
    private final Outbox outbox;

    public PartnerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Partner p) {
        outbox.publish(registeredEvent(p));
    }

    public void changed(Partner p) {
        outbox.publish(changedEvent(p));
    }

    /**
     * What {@link #registered} and {@link #changed} would publish, taken now (the partner as it is at this line of
     * an import), for {@link #publishAll} at the end of the chunk.
     */
    public Record registeredEvent(Partner p) {
        return new PartnerRegistered(p.id, p.name, status(p.lifecycleStatus), p.parentPartnerId, p.country,
                List.copyOf(p.emailDomains));
    }

    public Record changedEvent(Partner p) {
        return new PartnerChanged(p.id, p.name, status(p.lifecycleStatus), p.parentPartnerId, p.country,
                List.copyOf(p.emailDomains));
    }

    /** Events taken by {@link #registeredEvent} and {@link #changedEvent}, in order, in one batch. */
    public void publishAll(List<Record> events) {
        outbox.publishAll(events);
    }

    public void lapsed(Partner p, LifecycleStatus previous, LocalDate effective, String reason) {
        outbox.publish(new PartnerLapsed(p.id, status(previous), effective, reason));
    }

    public void reactivated(Partner p, LifecycleStatus previous, LocalDate effective, String reason) {
        outbox.publish(new PartnerReactivated(p.id, status(previous), effective, reason));
    }

    private static PartnerLifecycleStatus status(LifecycleStatus status) {
        return PartnerLifecycleStatus.valueOf(status.name());
    }
}

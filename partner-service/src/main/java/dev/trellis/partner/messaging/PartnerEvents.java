package dev.trellis.partner.messaging;

import dev.trellis.contracts.Topics;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.partner.domain.Partner;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns partner changes into the published contract, through the outbox. */
@ApplicationScoped
public class PartnerEvents {
    private final Outbox outbox;

    public PartnerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Partner partner) {
        outbox.record(Topics.PARTNER, PartnerRegistered.TYPE, partner.id.toString(), new PartnerRegistered(partner.id,
                partner.name, PartnerLifecycleStatus.valueOf(partner.lifecycleStatus.name()), null, partner.country,
                List.of()));
    }
}

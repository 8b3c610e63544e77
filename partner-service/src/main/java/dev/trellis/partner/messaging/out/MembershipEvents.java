package dev.trellis.partner.messaging.out;

import dev.trellis.contracts.partner.MembershipChangeKind;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipStatus;
import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.domain.MembershipChange;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a membership's history line into the published contract, through the outbox. */
@ApplicationScoped
public class MembershipEvents {
    private final Outbox outbox;

    public MembershipEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Exactly one event per change, keyed by the partner id; must run in the change's transaction. */
    public void changed(Membership membership, MembershipChange change) {
        outbox.publish(new MembershipChanged(membership.partnerId, membership.id, change.tier,
                MembershipStatus.valueOf(change.status.name()), change.termStart, change.termEnd,
                membership.graceDays, membership.autoRenew, change.effectiveDate,
                MembershipChangeKind.valueOf(change.kind.name()), membership.terms()));
    }
}

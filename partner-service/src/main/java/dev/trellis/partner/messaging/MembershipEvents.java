package dev.trellis.partner.messaging;

import dev.trellis.contracts.Topics;
import dev.trellis.contracts.partner.MembershipChangeKind;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipStatus;
import dev.trellis.partner.domain.MembershipChange;
import dev.trellis.partner.domain.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import dev.trellis.platform.messaging.Outbox;

/** Turns a membership's history line into the published contract, through the outbox. */
@ApplicationScoped
public class MembershipEvents {
    private final Outbox outbox;

    public MembershipEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Exactly one event per change, keyed by the partner id; must run in the change's transaction. */
    public void changed(Membership membership, MembershipChange change) {
        outbox.record(Topics.PARTNER, MembershipChanged.TYPE, membership.partnerId.toString(),
                new MembershipChanged(membership.partnerId, membership.id, change.tier,
                        MembershipStatus.valueOf(change.status.name()), change.termStart, change.termEnd,
                        membership.graceDays, membership.autoRenew, change.effectiveDate,
                        MembershipChangeKind.valueOf(change.kind.name())));
    }
}

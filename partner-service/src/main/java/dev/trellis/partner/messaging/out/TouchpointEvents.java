package dev.trellis.partner.messaging.out;

import dev.trellis.contracts.partner.NextStepChanged;
import dev.trellis.contracts.partner.TouchpointLogged;
import dev.trellis.contracts.partner.TouchpointType;
import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns touchpoints into the published contract, through the outbox. Summary and notes never go out. */
@ApplicationScoped
public class TouchpointEvents {
    private final Outbox outbox;

    public TouchpointEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A next step recorded, or its due date or done state changed; never its description or owner. */
    public void nextStep(NextStep step) {
        outbox.publish(new NextStepChanged(step.touchpoint.partnerId, step.id, step.touchpoint.id, step.dueOn, step.done, step.doneAt));
    }

    public void logged(Touchpoint touchpoint) {
        outbox.publish(new TouchpointLogged(touchpoint.partnerId, touchpoint.id, touchpoint.occurredOn,
                TouchpointType.valueOf(touchpoint.type.name()), touchpoint.executive, touchpoint.contactIds()));
    }
}

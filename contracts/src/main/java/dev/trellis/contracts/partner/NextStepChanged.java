package dev.trellis.contracts.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A next step of a touchpoint was recorded, or its due date or done state changed. Carries no description and no
 * owner (internal to the community team). Key: {@code partnerId}.
 *
 * @param partnerId   the partner the touchpoint was with
 * @param nextStepId  the next step
 * @param touchpointId the touchpoint it belongs to
 * @param dueOn       the day it is due
 * @param done        whether it is done
 * @param doneAt      when it was marked done; null while it is not
 */
public record NextStepChanged(
        UUID partnerId,
        UUID nextStepId,
        UUID touchpointId,
        LocalDate dueOn,
        boolean done,
        Instant doneAt) {

    public static final String TYPE = "dev.trellis.partner.next-step-changed.v1";
}

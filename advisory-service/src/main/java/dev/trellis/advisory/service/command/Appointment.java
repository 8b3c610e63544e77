package dev.trellis.advisory.service.command;

import dev.trellis.advisory.domain.policy.SeatKind;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Seat a contact. {@code overrideRules} with {@code overrideReason}: staff knowingly appoint against
 * these rules of the policy; each one broken is audited.
 */
public record Appointment(UUID holderContactId, UUID partnerId, SeatKind kind, String tierBasis, LocalDate termStart,
        LocalDate termEnd, UUID alternateContactId, Set<String> overrideRules, String overrideReason) {
    public Appointment {
        overrideRules = overrideRules == null ? Set.of() : Set.copyOf(overrideRules);
    }
}

package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.MembershipChange;
import dev.trellis.partner.domain.MembershipChangeKind;
import dev.trellis.partner.domain.MembershipStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a membership's history, for staff. */
public record MembershipChangeResponse(UUID id, MembershipChangeKind kind, String tier, MembershipStatus status,
        LocalDate termStart, LocalDate termEnd, LocalDate effectiveDate, String recordedBy, Instant recordedAt) {

    public static MembershipChangeResponse of(MembershipChange change) {
        return new MembershipChangeResponse(change.id, change.kind, change.tier, change.status, change.termStart,
                change.termEnd, change.effectiveDate, change.recordedBy, change.recordedAt);
    }
}

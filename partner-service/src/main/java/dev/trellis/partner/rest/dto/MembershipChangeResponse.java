package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.MembershipChange;
import dev.trellis.partner.domain.MembershipChangeKind;
import dev.trellis.partner.domain.MembershipStatus;
import dev.trellis.platform.csv.CsvTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a membership's history, for staff. */
public record MembershipChangeResponse(UUID id, MembershipChangeKind kind, String tier, MembershipStatus status,
        LocalDate termStart, LocalDate termEnd, LocalDate effectiveDate, String recordedBy, Instant recordedAt) {

    /** A membership's history as CSV. */
    public static final CsvTable<MembershipChangeResponse> CSV = CsvTable.<MembershipChangeResponse>named("membership-history")
            .column("id", MembershipChangeResponse::id).column("kind", MembershipChangeResponse::kind)
            .column("tier", MembershipChangeResponse::tier).column("status", MembershipChangeResponse::status)
            .column("termStart", MembershipChangeResponse::termStart).column("termEnd", MembershipChangeResponse::termEnd)
            .column("effectiveDate", MembershipChangeResponse::effectiveDate)
            .column("recordedBy", MembershipChangeResponse::recordedBy)
            .column("recordedAt", MembershipChangeResponse::recordedAt);

    public static MembershipChangeResponse of(MembershipChange change) {
        return new MembershipChangeResponse(change.id, change.kind, change.tier, change.status, change.termStart,
                change.termEnd, change.effectiveDate, change.recordedBy, change.recordedAt);
    }
}

package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.policy.SeatKind;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A board measured against its policy on a day. {@code membershipNotCurrent}: seats held for a partner
 * that is not a current member that day (lapsed, or its membership expired or not begun).
 */
public record ComplianceReport(
        UUID boardId,
        LocalDate asOf,
        List<TierLine> tiers,
        List<KindLine> seatKinds,
        List<CompanyLine> companies,
        List<SeatLine> termsEndingSoon,
        List<SeatLine> membershipNotCurrent,
        List<SeatLine> holderChangedEmployer,
        List<SeatLine> votingSuspended) {

    public record TierLine(String tier, int members, int entitled, int filled, int vacancies) {
    }

    public record KindLine(SeatKind kind, int seats, boolean active, int filled, int vacancies) {
    }

    /** One company's seats against one cap; {@code rule} names the cap (company-group-cap, organisation-share-cap…). */
    public record CompanyLine(String rule, UUID companyId, String companyName, int held, int limit, boolean overCap) {
    }

    public record SeatLine(UUID seatId, SeatKind kind, UUID holderContactId, UUID partnerId, String partnerName, LocalDate termEnd) {
    }
}

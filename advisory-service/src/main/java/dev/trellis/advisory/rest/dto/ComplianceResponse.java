package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.service.ComplianceReport;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A board measured against its policy on a day. {@code membershipNotCurrent}: seats held for a partner that is not a
 * current member that day (lapsed, or its membership expired or not begun). Each list holds at most
 * {@value #MAX_LINES} lines.
 */
public record ComplianceResponse(UUID boardId, LocalDate asOf,
        @Schema(maxItems = MAX_LINES) List<TierLine> tiers,
        @Schema(description = "One line per seat kind of the policy", maxItems = 4) List<KindLine> seatKinds,
        @Schema(maxItems = MAX_LINES) List<CompanyLine> companies,
        @Schema(maxItems = MAX_LINES) List<SeatLine> termsEndingSoon,
        @Schema(maxItems = MAX_LINES) List<SeatLine> membershipNotCurrent,
        @Schema(maxItems = MAX_LINES) List<SeatLine> holderChangedEmployer,
        @Schema(maxItems = MAX_LINES) List<SeatLine> votingSuspended) {

    static final int MAX_LINES = 1000;
    static final String COUNT_MAX = "2147483647";

    public record TierLine(@Schema(maxLength = 40) String tier, @Schema(minimum = "0", maximum = COUNT_MAX) int members,
            @Schema(minimum = "0", maximum = COUNT_MAX) int entitled, @Schema(minimum = "0", maximum = COUNT_MAX) int filled,
            @Schema(minimum = "0", maximum = COUNT_MAX) int vacancies) {
    }

    public record KindLine(SeatKind kind, @Schema(minimum = "0", maximum = COUNT_MAX) int seats, boolean active,
            @Schema(minimum = "0", maximum = COUNT_MAX) int filled, @Schema(minimum = "0", maximum = COUNT_MAX) int vacancies) {
    }

    /** One company's seats against one cap; {@code rule} names the cap (company-group-cap, organisation-share-cap…). */
    public record CompanyLine(@Schema(maxLength = 60, example = "company-group-cap") String rule, UUID companyId,
            @Schema(maxLength = 200) String companyName, @Schema(minimum = "0", maximum = COUNT_MAX) int held,
            @Schema(minimum = "0", maximum = COUNT_MAX) int limit, boolean overCap) {
    }

    public record SeatLine(UUID seatId, SeatKind kind, UUID holderContactId, UUID partnerId,
            @Schema(maxLength = 200) String partnerName, LocalDate termEnd) {
    }

    public static ComplianceResponse of(ComplianceReport r) {
        return new ComplianceResponse(r.boardId(), r.asOf(),
                first(r.tiers()).stream().map(t -> new TierLine(t.tier(), t.members(), t.entitled(), t.filled(), t.vacancies()))
                        .toList(),
                r.seatKinds().stream().map(k -> new KindLine(k.kind(), k.seats(), k.active(), k.filled(), k.vacancies())).toList(),
                first(r.companies()).stream().map(c -> new CompanyLine(c.rule(), c.companyId(), c.companyName(), c.held(), c.limit(),
                        c.overCap())).toList(),
                seats(r.termsEndingSoon()), seats(r.membershipNotCurrent()), seats(r.holderChangedEmployer()),
                seats(r.votingSuspended()));
    }

    private static List<SeatLine> seats(List<ComplianceReport.SeatLine> lines) {
        return first(lines).stream().map(s -> new SeatLine(s.seatId(), s.kind(), s.holderContactId(), s.partnerId(), s.partnerName(),
                s.termEnd())).toList();
    }

    private static <T> List<T> first(List<T> lines) {
        return lines.size() <= MAX_LINES ? lines : lines.subList(0, MAX_LINES);
    }
}

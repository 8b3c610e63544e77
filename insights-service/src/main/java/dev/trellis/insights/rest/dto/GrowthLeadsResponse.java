package dev.trellis.insights.rest.dto;

import dev.trellis.insights.service.GrowthLeadsService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Growth leads: non-member organisations whose people come to events, and members participating like the tier above. */
public record GrowthLeadsResponse(LocalDate asOf,
        @Schema(description = "Strongest first, at most the limit parameter (at most 100)", maxItems = 100) List<Prospect> prospects,
        @Schema(description = "Strongest first, at most the limit parameter (at most 100)", maxItems = 100) List<Upgrade> upgrades) {

    static final String COUNT_MAX = "2147483647";

    /**
     * A domain whose people registered: registrations not cancelled, those attended, the distinct people (a lower bound:
     * guests cannot be followed across events), when last heard of, and the non-member partner it belongs to, if any.
     */
    public record Prospect(@Schema(maxLength = 253) String domain,
            @Schema(minimum = "0", maximum = COUNT_MAX) int registrations,
            @Schema(minimum = "0", maximum = COUNT_MAX) int attendances,
            @Schema(minimum = "0", maximum = COUNT_MAX) int people, Instant lastSeen, UUID knownPartnerId,
            @Schema(maxLength = 300) String knownPartnerName, @Schema(maxLength = 20) String knownPartnerStatus,
            @Schema(maxLength = 1000) String nextAction) {
    }

    /** A member whose participation is at or above the median of the tier above. */
    public record Upgrade(UUID partnerId, @Schema(maxLength = 300) String partnerName, @Schema(maxLength = 100) String tier,
            @Schema(maxLength = 100) String nextTier, @Schema(minimum = "0", maximum = COUNT_MAX) int attended,
            @Schema(minimum = "0", maximum = COUNT_MAX) int sponsorships,
            @Schema(minimum = "0", maximum = COUNT_MAX) int participation,
            @Schema(minimum = "0") double nextTierMedian,
            @Schema(minimum = "0", maximum = COUNT_MAX) int nextTierMembers,
            @Schema(description = "The days over which participation is counted", minimum = "1", maximum = "3660") int windowDays,
            @Schema(maxLength = 1000) String nextAction) {
    }

    public static GrowthLeadsResponse of(GrowthLeadsService.Report r) {
        return new GrowthLeadsResponse(r.asOf(),
                r.prospects().stream().map(p -> new Prospect(p.domain(), p.registrations(), p.attendances(), p.people(),
                        p.lastSeen(), p.knownPartnerId(), p.knownPartnerName(), p.knownPartnerStatus(), p.nextAction())).toList(),
                r.upgrades().stream().map(u -> new Upgrade(u.partnerId(), u.partnerName(), u.tier(), u.nextTier(), u.attended(),
                        u.sponsorships(), u.participation(), u.nextTierMedian(), u.nextTierMembers(), u.windowDays(),
                        u.nextAction())).toList());
    }
}

package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.Sponsorship;
import dev.trellis.event.domain.SponsorshipStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SponsorshipResponse(UUID id, UUID eventId, UUID partnerId, @Schema(maxLength = 200) String partnerName,
                @Schema(maxLength = 40) String level, BigDecimal amount, @Schema(maxLength = 3) String currency,
        SponsorshipStatus status, Instant createdAt) {
    public static SponsorshipResponse of(Sponsorship s) {
        return new SponsorshipResponse(s.id, s.eventId, s.partnerId, s.partnerName, s.level, s.amount, s.currency,
                s.status, s.createdAt);
    }
}

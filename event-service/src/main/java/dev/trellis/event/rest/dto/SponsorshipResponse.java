package dev.trellis.event.rest.dto;

import dev.trellis.event.domain.Sponsorship;
import dev.trellis.event.domain.SponsorshipStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record SponsorshipResponse(UUID id, UUID eventId, UUID partnerId, String partnerName, String level,
        BigDecimal amount, String currency, SponsorshipStatus status, Instant createdAt) {
    public static SponsorshipResponse of(Sponsorship s) {
        return new SponsorshipResponse(s.id, s.eventId, s.partnerId, s.partnerName, s.level, s.amount, s.currency,
                s.status, s.createdAt);
    }
}

package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentSource;
import java.time.Instant;

/** One consent decision; in {@code consents} the latest per purpose, in {@code consentHistory} all of them. */
public record ConsentResponse(ConsentPurpose purpose, boolean granted, Instant recordedAt, ConsentSource source) {

    public static ConsentResponse of(Consent c) {
        return new ConsentResponse(c.purpose, c.granted, c.recordedAt, c.source);
    }
}

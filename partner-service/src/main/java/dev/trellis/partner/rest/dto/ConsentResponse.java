package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentSource;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One consent decision; in {@code consents} the latest per purpose, in {@code consentHistory} all of them. */
public record ConsentResponse(ConsentPurpose purpose, boolean granted, Instant recordedAt, ConsentSource source,
        @Schema(description = "Who made the decision: staff (a foundation user, named in actor), subject (the person, "
                + "through an unsubscribe link), import (a contact import) or system",
                enumeration = {"staff", "subject", "import", "system"}) String actorKind,
        @Schema(description = "The staff user's username; null for the subject, an import or the system",
                maxLength = 255, nullable = true) String actor) {

    public static ConsentResponse of(Consent c) {
        return new ConsentResponse(c.purpose, c.granted, c.recordedAt, c.source, c.actorKind, c.actor);
    }
}

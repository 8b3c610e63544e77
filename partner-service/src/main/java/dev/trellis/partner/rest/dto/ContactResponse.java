package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.service.ContactDetails;
import dev.trellis.partner.service.ContactService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contact as staff see it. {@code currentAffiliations} are those not ended before today (including ones
 * that start later); {@code consents} is the state per purpose, {@code consentHistory} every decision, oldest first.
 * {@code erasedAt} is set once the contact was erased: its details are then placeholders and it has no consents.
 */
public record ContactResponse(UUID id, @Schema(maxLength = 100) String firstName,
        @Schema(maxLength = 100) String lastName, @Schema(maxLength = 254) String email,
        @Schema(maxLength = 40, nullable = true) String phone, @Schema(maxLength = 150, nullable = true) String jobTitle,
        @Schema(maxItems = ContactService.MAX_DETAIL_ITEMS) List<AffiliationResponse> currentAffiliations,
        @Schema(maxItems = ContactService.MAX_DETAIL_ITEMS) List<AffiliationResponse> pastAffiliations,
        @Schema(description = "The latest decision per purpose", maxItems = 10) List<ConsentResponse> consents,
        @Schema(description = "Every decision, oldest first; the newest " + ContactService.MAX_DETAIL_ITEMS
                + " when there are more", maxItems = ContactService.MAX_DETAIL_ITEMS) List<ConsentResponse> consentHistory,
        Instant erasedAt, Instant createdAt, Instant updatedAt) {

    /**
     * @param today        the day that tells current from past affiliations; an erased contact has none current
     * @param partnerNames partner names by id, for the affiliations
     */
    public static ContactResponse of(ContactDetails details, LocalDate today, Map<UUID, String> partnerNames) {
        Contact c = details.contact();
        List<Affiliation> affiliations = details.affiliations();
        Map<ConsentPurpose, Consent> latest = new LinkedHashMap<>();
        details.consents().stream().sorted(Comparator.comparing((Consent s) -> s.recordedAt))
                .forEach(s -> latest.put(s.purpose, s));
        return new ContactResponse(c.id, c.firstName, c.lastName, c.email, c.phone, c.jobTitle,
                affiliations.stream().filter(a -> !past(c, a, today)).map(a -> AffiliationResponse.of(a, partnerNames)).toList(),
                affiliations.stream().filter(a -> past(c, a, today)).map(a -> AffiliationResponse.of(a, partnerNames)).toList(),
                latest.values().stream().sorted(Comparator.comparing((Consent s) -> s.purpose))
                        .map(ConsentResponse::of).toList(),
                details.consents().stream().map(ConsentResponse::of).toList(), c.erasedAt, c.createdAt, c.updatedAt);
    }

    /** Ended before today, or of an erased contact: erasure ended them all (on its day, at the latest). */
    private static boolean past(Contact c, Affiliation a, LocalDate today) {
        return c.erased() || a.period().endedBefore(today);
    }
}

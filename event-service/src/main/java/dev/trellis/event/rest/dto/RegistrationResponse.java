package dev.trellis.event.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationSource;
import dev.trellis.event.domain.RegistrationStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RegistrationResponse(UUID id, UUID eventId, UUID contactId, String name, String email, UUID partnerId,
        String partnerName, RegistrationSource source, RegistrationStatus status, Instant checkedInAt, Instant createdAt,
        @Schema(description = "Only in the answer to the registration: lets the registrant cancel without an account "
                + "(send it as X-Cancel-Token). Not stored in the clear, never shown again.")
        @JsonInclude(JsonInclude.Include.NON_NULL) String cancelToken) {

    public static RegistrationResponse of(Registration r) {
        return of(r, null);
    }

    public static RegistrationResponse of(Registration r, String cancelToken) {
        return new RegistrationResponse(r.id, r.eventId, r.contactId, r.name, r.email, r.partnerId, r.partnerName,
                r.source, r.status, r.checkedInAt, r.createdAt, cancelToken);
    }
}

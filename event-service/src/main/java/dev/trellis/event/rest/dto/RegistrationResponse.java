package dev.trellis.event.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.RegistrationSource;
import dev.trellis.event.domain.RegistrationStatus;
import dev.trellis.platform.csv.CsvTable;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RegistrationResponse(UUID id, UUID eventId, UUID contactId, @Schema(maxLength = 200) String name,
        @Schema(maxLength = 254) String email, UUID partnerId,
                @Schema(maxLength = 200) String partnerName, RegistrationSource source, RegistrationStatus status,
        Instant checkedInAt, Instant createdAt,
        @Schema(description = "Only in the answer to the registration: lets the registrant cancel without an account "
                + "(send it as X-Cancel-Token). Not stored in the clear, never shown again.", maxLength = 32)
        @JsonInclude(JsonInclude.Include.NON_NULL) String cancelToken) {

    /** An event's registrations as CSV; the cancel token is never in a list. */
    public static final CsvTable<RegistrationResponse> CSV = CsvTable.<RegistrationResponse>named("registrations")
            .column("id", RegistrationResponse::id).column("eventId", RegistrationResponse::eventId)
            .column("contactId", RegistrationResponse::contactId).column("name", RegistrationResponse::name)
            .column("email", RegistrationResponse::email).column("partnerId", RegistrationResponse::partnerId)
            .column("partnerName", RegistrationResponse::partnerName).column("source", RegistrationResponse::source)
            .column("status", RegistrationResponse::status).column("checkedInAt", RegistrationResponse::checkedInAt)
            .column("createdAt", RegistrationResponse::createdAt);

    public static RegistrationResponse of(Registration r) {
        return of(r, null);
    }

    public static RegistrationResponse of(Registration r, String cancelToken) {
        return new RegistrationResponse(r.id, r.eventId, r.contactId, r.name, r.email, r.partnerId, r.partnerName,
                r.source, r.status, r.checkedInAt, r.createdAt, cancelToken);
    }
}

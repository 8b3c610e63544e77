package dev.trellis.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as staff read it. */
@Schema(name = "AuditEntry", description = "One change: who made it, when, to what, and which fields changed")
public record AuditEntry(
        UUID id,
        @Schema(description = "When the change was made (its transaction)") Instant occurredAt,
        @Schema(description = "user, client (a machine client's token), system (the service itself) or anonymous",
                enumeration = {"user", "client", "system", "anonymous"}) String actorKind,
        @Schema(description = "The username, the client id, or system; null for anonymous callers", maxLength = 255,
                nullable = true) String actor,
        @Schema(description = "What changed, e.g. partner, contact, affiliation, membership, seat, board, event, "
                + "registration", maxLength = 100) String entityType,
        @Schema(description = "Its id (a composite id as its parts joined by /)", maxLength = 255) String entityId,
        @Schema(description = "created, updated, deleted, or what a route did to a record kept elsewhere "
                + "(portal users: invited, removed)", maxLength = 50) String action,
        @Schema(type = SchemaType.OBJECT, implementation = java.util.Map.class, description = "Field name to {before, after}; personal data and free "
                + "text only as {masked: true}, without values", example = """
                {"name": {"before": "Acme", "after": "Acme Cloud"}, "email": {"masked": true}}""") JsonNode changes,
        @Schema(description = "X-Request-Id of the request that made it; null for the service's own work",
                maxLength = 128, nullable = true) String requestId) {
}

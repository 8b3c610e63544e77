package dev.trellis.advisory.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.advisory.domain.Resolution;
import dev.trellis.advisory.domain.policy.Decision;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ResolutionResponse(UUID id, UUID meetingId, @Schema(maxLength = 300) String title, Decision.Outcome outcome,
        @Schema(description = "At most one vote per line of the request, which has at most 500", minimum = "0", maximum = "500") int yes,
        @Schema(minimum = "0", maximum = "500") int no, @Schema(minimum = "0", maximum = "500") int abstentions,
        JsonNode votes, Instant createdAt) {
    public static ResolutionResponse of(Resolution r, com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            return new ResolutionResponse(r.id, r.meetingId, r.title, r.outcome, r.yes, r.no, r.abstentions, json.readTree(r.votes), r.createdAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.trellis.advisory.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.advisory.domain.Resolution;
import dev.trellis.advisory.domain.policy.Decision;
import java.time.Instant;
import java.util.UUID;

public record ResolutionResponse(UUID id, UUID meetingId, String title, Decision.Outcome outcome, int yes, int no, int abstentions,
        JsonNode votes, Instant createdAt) {
    public static ResolutionResponse of(Resolution r, com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            return new ResolutionResponse(r.id, r.meetingId, r.title, r.outcome, r.yes, r.no, r.abstentions, json.readTree(r.votes), r.createdAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

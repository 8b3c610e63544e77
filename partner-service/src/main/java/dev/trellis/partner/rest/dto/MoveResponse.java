package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.AffiliationService;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a move did: the affiliations it ended and the one it started (whose URL is the response's Location). */
public record MoveResponse(List<AffiliationResponse> ended, AffiliationResponse started) {

    public static MoveResponse of(AffiliationService.Move move, Map<UUID, String> partnerNames) {
        return new MoveResponse(move.ended().stream().map(a -> AffiliationResponse.of(a, partnerNames)).toList(),
                AffiliationResponse.of(move.started(), partnerNames));
    }
}
